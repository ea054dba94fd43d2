package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON:API paging of the simulator's lists ({@code page[number]} 1-based, {@code page[size]}
 * default 10, capped at 100): one page of items plus {@code meta{pageNumber,pageSize,totalCount}}
 * and absolute {@code links{self,first,prev,next,last}} that keep the request's other query
 * parameters; {@code prev}/{@code next} are null at the ends. Brackets in the links are
 * percent-encoded so any URI parser accepts them.
 *
 * @param number the requested page, ≥ 1
 * @param size the page size, 1..100
 */
public record Paging(int number, int size) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  /** Reads the page parameters; throws {@link BadPage} on a non-number or a value below 1. */
  public static Paging of(RoutingContext ctx) {
    int number = positive(ctx.queryParams().get("page[number]"), 1, "page[number]");
    int size = positive(ctx.queryParams().get("page[size]"), DEFAULT_SIZE, "page[size]");
    return new Paging(number, Math.min(size, MAX_SIZE));
  }

  /** The page parameters, or empty once a bad one is answered 400 VALIDATION. */
  static Optional<Paging> orAnswer(RoutingContext ctx) {
    try {
      return Optional.of(of(ctx));
    } catch (BadPage e) {
      SimResponses.error(ctx, e.error());
      return Optional.empty();
    }
  }

  /** A bad page parameter, answered 400 VALIDATION. */
  public static final class BadPage extends IllegalArgumentException {
    private final transient SmartcarError error;

    BadPage(String param, String value) {
      super(param + " must be a whole number >= 1, was " + value);
      this.error = SmartcarError.validation(getMessage(), List.of(getMessage()));
    }

    public SmartcarError error() {
      return error;
    }
  }

  private static int positive(String raw, int fallback, String param) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < 1) {
        throw new BadPage(param, raw);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadPage(param, raw);
    }
  }

  /** The page of {@code all} rendered by {@code render}, with meta and links. */
  public <T> JsonObject page(RoutingContext ctx, List<T> all, Function<T, JsonObject> render) {
    int total = all.size();
    int last = Math.max(1, (total + size - 1) / size);
    JsonArray data = new JsonArray();
    long from = (long) (number - 1) * size;
    for (long i = from; i < Math.min(total, from + size); i++) {
      data.add(render.apply(all.get((int) i)));
    }
    JsonObject links =
        new JsonObject()
            .put("self", link(ctx, number))
            .put("first", link(ctx, 1))
            .put("prev", number > 1 ? link(ctx, Math.min(number - 1, last)) : null)
            .put("next", number < last ? link(ctx, number + 1) : null)
            .put("last", link(ctx, last));
    return new JsonObject()
        .put("data", data)
        .put(
            "meta",
            new JsonObject()
                .put("pageNumber", number)
                .put("pageSize", size)
                .put("totalCount", total))
        .put("links", links);
  }

  private String link(RoutingContext ctx, int page) {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, String> e : ctx.queryParams().entries()) {
      if (!e.getKey().equals("page[number]") && !e.getKey().equals("page[size]")) {
        append(query, e.getKey(), e.getValue());
      }
    }
    append(query, "page[number]", String.valueOf(page));
    append(query, "page[size]", String.valueOf(size));
    String scheme = ctx.request().scheme() == null ? "http" : ctx.request().scheme();
    return scheme + "://" + ctx.request().authority() + ctx.normalizedPath() + "?" + query;
  }

  private static void append(StringBuilder query, String key, String value) {
    if (!query.isEmpty()) {
      query.append('&');
    }
    query.append(encode(key)).append('=').append(encode(value));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
