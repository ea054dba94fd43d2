package io.smartcarpipeline.bench;

import io.smartcarpipeline.sim.load.RequestSource;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Times webhook → visible state: for a sample of accepted webhooks, polls {@code GET
 * /vehicles/{id}/state} of the query API every {@value #POLL_MS} ms from the gateway's 200 until
 * the state's {@code lastEventId} is that webhook's eventId. Rule: the clock starts at the 200 (the
 * moment Smartcar considers the event delivered), so the figure is what a reader of the API waits;
 * its resolution is the poll interval.
 */
final class VisibilityTracker extends WebhookLoad {

  static final long POLL_MS = 5;
  private static final long GIVE_UP_NANOS = 10_000_000_000L;

  /** What a sampled request carries. */
  private record Tracked(String vehicleId, String eventId) {}

  private final Vertx vertx;
  private final HttpClient client;
  private final int queryPort;
  private final int every;
  private final Histogram micros = new Histogram(60_000_000L, 3);
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong lost = new AtomicLong();

  VisibilityTracker(Vertx vertx, int queryPort, int vehicles, int every) {
    super(BenchOptions.TOKEN, 10, vehicles);
    this.vertx = vertx;
    this.client = vertx.createHttpClient();
    this.queryPort = queryPort;
    this.every = Math.max(1, every);
  }

  @Override
  protected Object tag(long seq) {
    return seq % every == 0 ? new Tracked(vehicleOf(seq), eventId(seq).toString()) : null;
  }

  @Override
  public void completed(RequestSource.Request request, int status, long endNanos) {
    if (request.tag() instanceof Tracked t && status == 200) {
      pending.incrementAndGet();
      poll(t, endNanos);
    }
  }

  private void poll(Tracked t, long acceptedNanos) {
    client
        .request(HttpMethod.GET, queryPort, "localhost", "/vehicles/" + t.vehicleId() + "/state")
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> resp.statusCode() == 200 ? b.toJsonObject() : null))
        .onComplete(
            ar -> {
              long now = System.nanoTime();
              JsonObject state = ar.succeeded() ? ar.result() : null;
              if (state != null && t.eventId().equals(state.getString("lastEventId"))) {
                record((now - acceptedNanos) / 1000);
              } else if (now - acceptedNanos > GIVE_UP_NANOS) {
                lost.incrementAndGet();
                pending.decrementAndGet();
              } else {
                vertx.setTimer(POLL_MS, id -> poll(t, acceptedNanos));
              }
            });
  }

  private synchronized void record(long value) {
    micros.recordValue(Math.min(value, micros.getHighestTrackableValue()));
    pending.decrementAndGet();
  }

  int pending() {
    return pending.get();
  }

  long lost() {
    return lost.get();
  }

  synchronized Histogram histogram() {
    return micros.copy();
  }

  void close() {
    client.close();
  }
}
