package io.smartcarpipeline.fleetsync.sync;

import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.fleetsync.metrics.FleetSyncMetrics;
import io.smartcarpipeline.fleetsync.subscriptions.SubscriptionReconciler;
import io.smartcarpipeline.fleetsync.subscriptions.SubscriptionReconciler.Counts;
import io.smartcarpipeline.smartcar.fleet.Connection;
import io.smartcarpipeline.smartcar.fleet.ConnectionsApi;
import io.smartcarpipeline.smartcar.fleet.Listing;
import io.smartcarpipeline.smartcar.fleet.Subscription;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection sync: list each configured webhook's subscriptions, then every connection, merge
 * ({@link ConnectionMerge}), reconcile the subscriptions, publish the records that changed, then
 * tell the listeners. Single-flight: a sync asked for while one runs gets that run's report. A
 * failed listing changes nothing. Runs on fleet-sync's Vert.x context, ahead of gap-filling reads.
 *
 * <p>Rule: the subscriptions are listed <em>before</em> the connections. The reconcile removes the
 * subscription of a vehicle the connections listing does not hold; listed the other way round, a
 * vehicle connected (and subscribed, e.g. by the Dashboard's auto-enroll) between the two listings
 * would be unsubscribed and get no webhooks until the next sync. In this order such a vehicle is in
 * the connections listing: it is kept (or subscribed, a 409 being done).
 */
public final class FleetSync {

  private static final Logger LOG = LoggerFactory.getLogger(FleetSync.class);

  private final ConnectionsApi connections;
  private final SubscriptionReconciler reconciler;
  private final List<String> webhookIds;
  private final CallPriority priority;
  private final ConnectionBook book;
  private final List<FleetListener> listeners;
  private final Clock clock;
  private final FleetSyncMetrics metrics;
  private Future<SyncReport> running;

  public FleetSync(
      ConnectionsApi connections,
      SubscriptionReconciler reconciler,
      List<String> webhookIds,
      CallPriority priority,
      ConnectionBook book,
      List<FleetListener> listeners,
      Clock clock,
      FleetSyncMetrics metrics) {
    this.connections = connections;
    this.reconciler = reconciler;
    this.webhookIds = List.copyOf(webhookIds);
    this.priority = priority;
    this.book = book;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Runs a sync, or joins the one running, on the service context and before any gap-filling read
   * ({@link CallPriority}). The future never fails.
   */
  public Future<SyncReport> run(String trigger) {
    return priority.first(() -> runOrJoin(trigger));
  }

  private Future<SyncReport> runOrJoin(String trigger) {
    if (running != null) {
      return running;
    }
    Future<SyncReport> run = runOnce(trigger);
    if (!run.isComplete()) {
      running = run;
      run.onComplete(ar -> running = null);
    }
    return run;
  }

  private Future<SyncReport> runOnce(String trigger) {
    Instant started = clock.instant();
    return listSubscriptions()
        .compose(
            subscriptions ->
                connections
                    .all()
                    .compose(listing -> apply(trigger, started, listing, subscriptions)))
        .recover(e -> Future.succeededFuture(failed(trigger, started, e.toString())))
        .onSuccess(this::finished);
  }

  /** Each webhook's subscriptions, one listing after another, by webhook id. */
  private Future<Map<String, Listing<Subscription>>> listSubscriptions() {
    Map<String, Listing<Subscription>> out = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (String webhookId : webhookIds) {
      chain =
          chain.compose(
              v ->
                  reconciler
                      .list(webhookId)
                      .map(listing -> out.put(webhookId, listing))
                      .mapEmpty());
    }
    return chain.map(v -> out);
  }

  private Future<SyncReport> apply(
      String trigger,
      Instant started,
      Listing<Connection> listing,
      Map<String, Listing<Subscription>> subscriptions) {
    if (!listing.complete()) {
      return Future.succeededFuture(
          failed(
              trigger,
              started,
              "listing connections failed after "
                  + listing.pages()
                  + " page(s): "
                  + listing.failure().describe()));
    }
    ConnectionMerge.Result merged = ConnectionMerge.merge(book.all(), listing.items(), started);
    Map<String, VehicleConnection> next = new LinkedHashMap<>();
    book.all().forEach(c -> next.put(c.getVehicleId(), c));
    merged.records().forEach(c -> next.put(c.getVehicleId(), c));
    Future<Counts> counts = Future.succeededFuture(new Counts(0, 0, 0));
    for (String webhookId : webhookIds) {
      counts =
          counts.compose(
              sum ->
                  reconciler
                      .reconcile(webhookId, subscriptions.get(webhookId), next, clock::instant)
                      .map(sum::plus));
    }
    return counts.compose(
        c -> {
          List<Future<Void>> acks = new ArrayList<>();
          next.values().forEach(r -> acks.add(book.put(r)));
          return Future.join(acks)
              .map(
                  v -> {
                    notifyListeners(merged);
                    return new SyncReport(
                        trigger,
                        started,
                        clock.instant(),
                        listing.items().size(),
                        merged.connected().size(),
                        merged.updated(),
                        merged.disconnected().size(),
                        c.subscribed(),
                        c.unsubscribed(),
                        c.failed(),
                        byStatus(),
                        null);
                  });
        });
  }

  private void notifyListeners(ConnectionMerge.Result merged) {
    for (FleetListener l : listeners) {
      merged
          .connected()
          .forEach(c -> safely(l, x -> x.vehicleConnected(book.get(c.getVehicleId()).orElse(c))));
      merged
          .disconnected()
          .forEach(
              c -> safely(l, x -> x.vehicleDisconnected(book.get(c.getVehicleId()).orElse(c))));
    }
  }

  private void finished(SyncReport report) {
    metrics.syncRun(report);
    if (report.ok()) {
      LOG.info(
          "sync_done trigger={} listed={} connected={} updated={} disconnected={} subscribed={}"
              + " unsubscribed={} subscription_failures={} took_ms={}",
          report.trigger(),
          report.listed(),
          report.connected(),
          report.updated(),
          report.disconnected(),
          report.subscribed(),
          report.unsubscribed(),
          report.subscriptionFailures(),
          report.finishedAt().toEpochMilli() - report.startedAt().toEpochMilli());
    } else {
      LOG.warn("sync_failed trigger={} error={}", report.trigger(), report.error());
    }
    listeners.forEach(l -> safely(l, x -> x.syncCompleted(report, book)));
  }

  private SyncReport failed(String trigger, Instant started, String error) {
    return new SyncReport(
        trigger, started, clock.instant(), 0, 0, 0, 0, 0, 0, 0, byStatus(), error);
  }

  private Map<String, Integer> byStatus() {
    Map<String, Integer> counts = new TreeMap<>();
    book.all().forEach(c -> counts.merge(c.getStatus().name(), 1, Integer::sum));
    return counts;
  }

  private static void safely(FleetListener listener, Consumer<FleetListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn(
          "fleet_listener_failed listener={} error={}",
          listener.getClass().getName(),
          e.toString());
    }
  }
}
