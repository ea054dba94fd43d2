package io.smartcarpipeline.smartcar.read;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Collects the pages of {@code GET /vehicles/{id}/signals} (docs/smartcar-v3.md §6.4) into one
 * answer. Whether Smartcar pages this list is not documented beyond {@code meta.totalCount,
 * pageSize, page} and {@code links}, so the rule is tolerant: ask for the next page ({@code
 * page[number]} + 1) only when the answer says there is more ({@code links.next} non-null, or fewer
 * signals collected than {@code meta.totalCount}) and the page was not empty; stop at {@link
 * #MAX_PAGES}. The merged answer is the first page with every page's {@code data} in order. Plain
 * Java apart from Vert.x's JSON type; never throws on a body it does not understand.
 */
public final class SignalPages {

  /** A backstop against an API that keeps saying "more". */
  public static final int MAX_PAGES = 20;

  private JsonObject first;
  private final JsonArray data = new JsonArray();
  private int pages;
  private boolean more;

  /** Adds the body of the next page; false when it is not a JSON object (nothing is added). */
  public boolean add(String body) {
    JsonObject page;
    try {
      page = new JsonObject(body == null ? "" : body);
    } catch (DecodeException | ClassCastException e) {
      more = false;
      return false;
    }
    pages++;
    if (first == null) {
      first = page;
    }
    Object items = page.getValue("data");
    int added = 0;
    if (items instanceof JsonArray array) {
      for (Object item : array) {
        data.add(item);
        added++;
      }
    }
    more = added > 0 && pages < MAX_PAGES && saysMore(page);
    return true;
  }

  /** The page number to ask for next, if the last page said there is more. */
  public Optional<Integer> nextPage() {
    return more ? Optional.of(pages + 1) : Optional.empty();
  }

  /** The merged answer, as JSON text; empty if no page was JSON. */
  public Optional<String> merged() {
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(first.copy().put("data", data.copy()).encode());
  }

  public int pages() {
    return pages;
  }

  private boolean saysMore(JsonObject page) {
    Object links = page.getValue("links");
    if (links instanceof JsonObject l && l.containsKey("next")) {
      return l.getValue("next") != null;
    }
    Object meta = page.getValue("meta");
    if (meta instanceof JsonObject m && m.getValue("totalCount") instanceof Number total) {
      return data.size() < total.intValue();
    }
    return false;
  }
}
