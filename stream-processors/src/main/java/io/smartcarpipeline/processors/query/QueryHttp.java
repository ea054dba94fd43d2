package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every query route shares: store reads run off the event loop and fail as 503 NOT_READY
 * (stores restoring or rebalancing) or 500; count parameters are whole numbers from 1 to {@value
 * #MAX_LIMIT} or the request is a 400, both in the shared JSON error shape.
 */
final class QueryHttp {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 500;
  private static final Logger LOG = LoggerFactory.getLogger(QueryHttp.class);

  private QueryHttp() {}

  /** Runs {@code query} on a worker thread; a failure is answered here. */
  static <T> Future<T> read(Vertx vertx, RoutingContext ctx, Callable<T> query) {
    return vertx
        .executeBlocking(query, false)
        .onFailure(
            e -> {
              if (notReady(e)) {
                HttpErrors.respond(ctx, 503, "NOT_READY", "State is being restored; retry shortly");
              } else {
                LOG.error("query_failed path={} error={}", ctx.request().path(), e.toString());
                HttpErrors.respond(ctx, 500, "INTERNAL_ERROR", "Query failed");
              }
            });
  }

  /** Whether a read failed only because the stores cannot be queried right now. */
  static boolean notReady(Throwable e) {
    return e instanceof VehicleReadModel.NotReadyException
        || e instanceof InvalidStateStoreException;
  }

  /** The {@code limit} parameter, or null after answering 400. */
  static Integer limit(RoutingContext ctx) {
    return count(ctx, "limit", DEFAULT_LIMIT);
  }

  /** A count parameter ({@code fallback} when absent), or null after answering 400. */
  static Integer count(RoutingContext ctx, String name, int fallback) {
    List<String> values = ctx.queryParam(name);
    if (values.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(values.get(0));
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    HttpErrors.respond(
        ctx,
        400,
        "INVALID_" + name.toUpperCase(java.util.Locale.ROOT),
        name + " must be a whole number from 1 to " + MAX_LIMIT);
    return null;
  }
}
