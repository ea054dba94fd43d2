package io.smartcarpipeline.smartcar.fleet;

import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET {compatibility API}/compatible-vehicles?make=&model=&year=} through the {@link
 * SmartcarCaller}, read by {@link CompatibilityJson}, cached per make/model/year for {@code ttl}
 * (an answer that could not be read is not cached). Use from one Vert.x context.
 */
public final class CompatibilityApi {

  static final CallKind CHECK = CallKind.read("compatibility");

  /** The answer: a report, or none with the reason. */
  public record Result(Optional<CompatibilityReport> report, Instant checkedAt, String problem) {}

  private record Cached(CompatibilityReport report, Instant at) {}

  private final SmartcarCaller caller;
  private final SmartcarHttp http;
  private final Duration timeout;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached> cache = new HashMap<>();

  public CompatibilityApi(
      SmartcarCaller caller, SmartcarHttp http, Duration timeout, Duration ttl, Clock clock) {
    this.caller = caller;
    this.http = http;
    this.timeout = timeout;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** What this make/model/year supports (cached). */
  public Future<Result> check(String make, String model, int year) {
    String key = make.toUpperCase(Locale.ROOT) + "|" + model.toUpperCase(Locale.ROOT) + "|" + year;
    Cached hit = cache.get(key);
    Instant now = clock.instant();
    if (hit != null && now.isBefore(hit.at().plus(ttl))) {
      return Future.succeededFuture(new Result(Optional.of(hit.report()), hit.at(), null));
    }
    return caller
        .call(
            "@compatibility:" + key,
            CHECK,
            token ->
                http.request(HttpMethod.GET, "/compatible-vehicles", token, null)
                    .addQueryParam("make", make)
                    .addQueryParam("model", model)
                    .addQueryParam("year", String.valueOf(year))
                    .timeout(timeout.toMillis())
                    .send())
        .map(
            answer -> {
              if (!answer.ok()) {
                return new Result(Optional.empty(), now, answer.describe());
              }
              Optional<CompatibilityReport> report = CompatibilityJson.read(answer.body());
              report.ifPresent(r -> cache.put(key, new Cached(r, now)));
              return new Result(
                  report, now, report.isPresent() ? null : "the answer named no vehicle");
            });
  }
}
