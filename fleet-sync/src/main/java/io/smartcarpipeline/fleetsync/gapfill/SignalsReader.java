package io.smartcarpipeline.fleetsync.gapfill;

import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.fleet.SmartcarCaller;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.smartcarpipeline.smartcar.read.SignalPages;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * {@code GET /vehicles/{id}/signals} with {@code sc-user-id}, every page, each page through the
 * {@link SmartcarCaller} (token, budget share, per-vehicle spacing and Retry-After, breaker, the
 * one classifier). A vehicle held to Tesla's 8-hour rule is read one page only: a second page would
 * be a second data request. Thin Vert.x adapter; the paging rule is {@link SignalPages}.
 */
final class SignalsReader {

  /** What a read came back with: the last answer, and the merged body when it succeeded. */
  record Read(SmartcarAnswer answer, String body) {
    boolean ok() {
      return answer.ok() && body != null;
    }
  }

  private static final CallKind SIGNALS = CallKind.read("signals");

  private final SmartcarCaller caller;
  private final SmartcarHttp http;

  SignalsReader(SmartcarCaller caller, SmartcarHttp http) {
    this.caller = caller;
    this.http = http;
  }

  Future<Read> read(String vehicleId, String userId, boolean onePageOnly) {
    return page(vehicleId, userId, 1, new SignalPages(), onePageOnly);
  }

  private Future<Read> page(
      String vehicleId, String userId, int number, SignalPages pages, boolean onePageOnly) {
    String path =
        "/vehicles/" + vehicleId + "/signals" + (number == 1 ? "" : "?page[number]=" + number);
    return caller
        .call(vehicleId, SIGNALS, token -> http.request(HttpMethod.GET, path, token, userId).send())
        .compose(
            answer -> {
              if (!answer.ok() || !pages.add(answer.body())) {
                return Future.succeededFuture(new Read(answer, null));
              }
              if (!onePageOnly && pages.nextPage().isPresent()) {
                return page(vehicleId, userId, pages.nextPage().get(), pages, false);
              }
              return Future.succeededFuture(new Read(answer, pages.merged().orElse(null)));
            });
  }
}
