package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.fleet.WebhookPayloads.DeliveryMeta;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the gateway the way Smartcar does (docs/smartcar-v3.md §2.5): signed POSTs, up
 * to {@code concurrency} in flight so arrival order is not event order, a share of events delivered
 * twice (same {@code eventId}, new {@code deliveryId}), and after a non-2xx answer or a timeout a
 * retry at 25 s, 50 s and 100 s simulated time ({@link RetrySchedule}), then the delivery is
 * dropped and counted. Every attempt is re-stamped ({@code deliveryId}, {@code deliveredAt}) and
 * re-signed over its exact bytes. Non-blocking: all state is touched on the fleet verticle's event
 * loop.
 */
final class WebhookDeliverer {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
  static final String USER_AGENT = "Smartcar/4.0 (smartcar-sim)";

  /** One delivery chain: an event and its attempts so far. */
  private static final class Delivery {
    final WebhookEvent event;
    final boolean duplicate;
    int attempts;

    Delivery(WebhookEvent event, boolean duplicate) {
      this.event = event;
      this.duplicate = duplicate;
    }
  }

  private final Vertx vertx;
  private final WebClient client;
  private final FleetConfig config;
  private final WebhookSigner signer;
  private final Clock simClock;
  private final FleetLedger ledger;
  private final RetrySchedule schedule;
  private final Random random;
  private final Deque<Delivery> queue = new ArrayDeque<>();
  private final Set<Long> timers = new HashSet<>();
  private final AtomicLong pending = new AtomicLong();
  private int inFlight;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong rejected = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();

  WebhookDeliverer(
      Vertx vertx,
      WebClient client,
      FleetConfig config,
      WebhookSigner signer,
      Clock simClock,
      FleetLedger ledger) {
    this.vertx = vertx;
    this.client = client;
    this.config = config;
    this.signer = signer;
    this.simClock = simClock;
    this.ledger = ledger;
    this.schedule = config.retrySchedule();
    this.random = new Random(config.seed() ^ 0x5DEECE66DL);
  }

  /** Queues an event (and maybe a duplicate of it). Call on the fleet's event loop. */
  void submit(WebhookEvent event) {
    enqueue(new Delivery(event, false));
    if (random.nextDouble() < config.duplicateShare()) {
      Delivery copy = new Delivery(event, true);
      pending.incrementAndGet();
      long simDelayMs = 500 + random.nextInt(5_000);
      later(Duration.ofMillis(Math.round(simDelayMs / config.timeFactor())), copy);
    }
  }

  /** Deliveries in flight, queued or waiting for a retry. */
  long pending() {
    return pending.get();
  }

  /** Cancels waiting retries (they count as neither dropped nor accepted). */
  void cancelTimers() {
    timers.forEach(vertx::cancelTimer);
    pending.addAndGet(-timers.size() - queue.size());
    timers.clear();
    queue.clear();
  }

  private void enqueue(Delivery d) {
    pending.incrementAndGet();
    queue.add(d);
    pump();
  }

  private void later(Duration realDelay, Delivery d) {
    long[] id = new long[1];
    id[0] =
        vertx.setTimer(
            Math.max(1, realDelay.toMillis()),
            t -> {
              timers.remove(id[0]);
              pending.decrementAndGet();
              enqueue(d);
            });
    timers.add(id[0]);
  }

  private void pump() {
    while (inFlight < config.concurrency() && !queue.isEmpty()) {
      send(queue.poll());
    }
  }

  private void send(Delivery d) {
    inFlight++;
    d.attempts++;
    sent.incrementAndGet();
    if (d.duplicate && d.attempts == 1) {
      duplicates.incrementAndGet();
    }
    DeliveryMeta meta =
        new DeliveryMeta(
            UUID.randomUUID().toString(),
            simClock.millis(),
            config.webhookId(),
            config.webhookName(),
            "LIVE");
    Buffer body = WebhookPayloads.withMeta(d.event.body(), meta).toBuffer();
    client
        .postAbs(config.gatewayUrl())
        .putHeader("Content-Type", "application/json")
        .putHeader("SC-Signature", signer.sign(body.getBytes()))
        .putHeader("User-Agent", USER_AGENT)
        .timeout(config.deliveryTimeout().toMillis())
        .sendBuffer(body)
        .onComplete(ar -> answered(d, ar));
  }

  private void answered(Delivery d, AsyncResult<HttpResponse<Buffer>> ar) {
    inFlight--;
    pending.decrementAndGet();
    int status = ar.succeeded() ? ar.result().statusCode() : -1;
    if (status >= 200 && status < 300) {
      accepted.incrementAndGet();
      ledger.accepted(d.event);
    } else {
      (ar.succeeded() ? rejected : failed).incrementAndGet();
      retryOrDrop(d, ar.succeeded() ? String.valueOf(status) : ar.cause().toString());
    }
    pump();
  }

  private void retryOrDrop(Delivery d, String why) {
    var wait = schedule.realWaitAfter(d.attempts);
    if (wait.isPresent()) {
      retried.incrementAndGet();
      pending.incrementAndGet();
      LOG.debug(
          "webhook_retry_scheduled event_id={} attempt={} status={}",
          d.event.eventId(),
          d.attempts,
          why);
      later(wait.get(), d);
    } else {
      dropped.incrementAndGet();
      LOG.warn(
          "webhook_dropped event_id={} vehicle_id={} attempts={} last_status={}",
          d.event.eventId(),
          d.event.vehicleId(),
          d.attempts,
          why);
    }
  }
}
