package io.smartcarpipeline.fleetsync.gapfill;

import io.micrometer.core.instrument.Counter;
import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VirtualKeyStatus;
import io.smartcarpipeline.fleetsync.FleetSyncExtension;
import io.smartcarpipeline.fleetsync.FleetSyncParts;
import io.smartcarpipeline.fleetsync.sync.CallPriority;
import io.smartcarpipeline.fleetsync.sync.FleetListener;
import io.smartcarpipeline.fleetsync.sync.FleetView;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.smartcarpipeline.support.service.Lifecycle;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gap-filling, as a fleet-sync extension: triggers (new connection, FIRST_DELIVERY, outage,
 * staleness, {@code POST /backfill}) mark reads as owed in the {@link ReadQueue}; a timer on
 * fleet-sync's context sends the owed reads that the rules allow, publishes each answer as an
 * {@code API_READ} {@link VehicleEvent} and notes it on the connection record. The decisions are in
 * the plain classes ({@link TeslaReadRule}, {@link ReadQueue}, {@link FreshnessWatch}, {@link
 * ApiReadEvents}); this class wires them. Everything runs on fleet-sync's context.
 */
public final class GapFiller implements FleetSyncExtension, FleetListener {

  private static final Logger log = LoggerFactory.getLogger(GapFiller.class);

  private final GapFillConfig config;
  private Clock clock;
  private FleetView fleet;
  private ReadQueue queue;
  private TeslaReadRule tesla;
  private FreshnessWatch watch;
  private SignalsReader reader;
  private ApiReadPublisher publisher;
  private CallPriority priority;
  private Counter publishFailures;

  public GapFiller(GapFillConfig config) {
    this.config = config;
  }

  @Override
  public FleetListener start(FleetSyncParts parts, Lifecycle lifecycle) {
    clock = parts.clock();
    fleet = parts.fleet();
    priority = parts.priority();
    publishFailures =
        Counter.builder("fleet_sync_gapfill_publish_failures")
            .description("API reads read but not written to smartcar.vehicle-events.v1")
            .register(parts.registry());
    tesla = new TeslaReadRule(clock);
    queue = new ReadQueue(clock, tesla);
    watch = new FreshnessWatch(clock, config.outageGap(), config.staleness());
    reader =
        new SignalsReader(
            parts.caller(), new SmartcarHttp(parts.web(), parts.config().origins().vehicleApi()));
    publisher =
        lifecycle.own(
            "gapfill-producer",
            new ApiReadPublisher(parts.config().kafka(), "fleet-sync-gapfill", parts.context()));
    for (VehicleConnection c : fleet.all()) {
      if (c.getLastReadAt() != null) {
        tesla.restore(c.getVehicleId(), c.getLastReadAt()); // no fresh read after a restart
      }
      if (c.getStatus() == ConnectionStatus.CONNECTED) {
        watch.watch(c.getVehicleId());
      }
    }
    lifecycle.own(
        "gapfill-events",
        new EventsWatcher(
            parts.config().kafka(),
            parts.config().groupId() + "-gapfill",
            parts.context(),
            this::observed));
    new BackfillRoute(this).mount(parts.router());
    parts
        .context()
        .runOnContext(
            v -> {
              long timer = parts.vertx().setPeriodic(config.tick().toMillis(), id -> tick());
              lifecycle.onStop("gapfill-timer", () -> parts.vertx().cancelTimer(timer));
            });
    return this;
  }

  @Override
  public void vehicleConnected(VehicleConnection connection) {
    watch.watch(connection.getVehicleId());
    request(connection.getVehicleId(), ReadReason.NEW_CONNECTION);
  }

  @Override
  public void vehicleDisconnected(VehicleConnection connection) {
    queue.forget(connection.getVehicleId());
    watch.forget(connection.getVehicleId());
  }

  /** Asks for a read of one connected vehicle; false when fleet-sync does not know it. */
  boolean request(String vehicleId, ReadReason reason) {
    if (connected(vehicleId)) {
      if (queue.request(vehicleId, reason)) {
        log.info("gapfill_read_owed vehicle={} reason={}", vehicleId, reason);
      }
      return true;
    }
    return false;
  }

  /** Asks for a read of every connected vehicle; how many. */
  int requestAll(ReadReason reason) {
    Set<String> ids = connectedIds();
    ids.forEach(id -> request(id, reason));
    return ids.size();
  }

  private void observed(VehicleEvent event) {
    switch (watch.observe(event)) {
      case OUTAGE -> {
        log.warn("gapfill_outage_detected vehicles={}", connectedIds().size());
        requestAll(ReadReason.OUTAGE);
      }
      case FIRST_DELIVERY -> request(event.getVehicleId(), ReadReason.FIRST_DELIVERY);
      case NOTHING -> {}
    }
  }

  /**
   * Sends the owed reads that may go: not while the events topic cannot be written (the read would
   * be wasted), and only as many as {@link CallPriority} admits (syncs first, a reserve left).
   */
  private void tick() {
    watch.stale(connectedIds()).forEach(id -> request(id, ReadReason.STALE));
    if (queue.size() == 0 || !publisher.ready()) {
      return;
    }
    int admitted = 0;
    while (admitted < config.readsPerTick() && priority.tryStartRead()) {
      admitted++;
    }
    List<ReadQueue.Owed> due = queue.takeDue(admitted, this::profile);
    for (int i = due.size(); i < admitted; i++) {
      priority.readDone(); // fewer were due than admitted
    }
    for (ReadQueue.Owed owed : due) {
      read(owed).onComplete(ar -> priority.readDone());
    }
  }

  /** Reads and publishes one vehicle; completes when done with it, whatever happened. */
  private Future<Void> read(ReadQueue.Owed owed) {
    String id = owed.vehicleId();
    VehicleConnection c = fleet.get(id).orElse(null);
    if (c == null || c.getStatus() != ConnectionStatus.CONNECTED) {
      return Future.succeededFuture();
    }
    VehicleProfile profile = profile(id);
    return reader
        .read(id, c.getUserId(), profile.limitedToOneReadPer8Hours())
        .compose(read -> answered(owed, c, profile, read));
  }

  private Future<Void> answered(
      ReadQueue.Owed owed, VehicleConnection c, VehicleProfile profile, SignalsReader.Read read) {
    String id = owed.vehicleId();
    if (!read.ok()) {
      retryLater(owed, read.answer());
      return Future.succeededFuture();
    }
    Instant now = clock.instant();
    VehicleEvent event;
    try {
      event = ApiReadEvents.map(id, c.getUserId(), profile, c.getMode(), read.body(), now);
    } catch (IllegalArgumentException e) {
      log.warn("gapfill_read_unreadable vehicle={} reason={}", id, e.getMessage());
      return Future.succeededFuture();
    }
    return publisher
        .publish(event)
        .onSuccess(
            v -> {
              log.info(
                  "gapfill_read_published vehicle={} reason={} event={} signals={}",
                  id,
                  owed.reason(),
                  event.getEventId(),
                  event.getSignals().size());
              fleet.update(id, r -> withRead(r, now));
            })
        .recover(
            e -> {
              // not marked read: owed again, after the retry delay (a re-read costs budget)
              publishFailures.increment();
              log.warn(
                  "gapfill_publish_failed vehicle={} retry_in={} error={}",
                  id,
                  config.failureBackoff(),
                  e.toString());
              queue.request(id, owed.reason());
              queue.hold(id, clock.instant().plus(config.failureBackoff()));
              return Future.succeededFuture();
            });
  }

  private static VehicleConnection withRead(VehicleConnection r, Instant at) {
    return VehicleConnection.newBuilder(r).setLastDataSource("API_READ").setLastReadAt(at).build();
  }

  /** Asleep: back off; Retry-After: wait that long; other retryable failures: try again later. */
  private void retryLater(ReadQueue.Owed owed, SmartcarAnswer answer) {
    String id = owed.vehicleId();
    Instant now = clock.instant();
    String error = answer.errorKey();
    if (error.endsWith(":ASLEEP")) {
      queue.request(id, owed.reason());
      queue.hold(id, now.plus(config.asleepBackoff()));
    } else if (answer.classification().retryAfter() != null) {
      queue.request(id, owed.reason());
      queue.hold(id, now.plus(answer.classification().retryAfter()));
    } else if (answer.classification().verdict() == Verdict.RETRYABLE) {
      queue.request(id, owed.reason());
      queue.hold(id, now.plus(config.failureBackoff()));
    }
    log.warn(
        "gapfill_read_failed vehicle={} reason={} answer={}", id, owed.reason(), answer.describe());
  }

  private VehicleProfile profile(String vehicleId) {
    return fleet
        .get(vehicleId)
        .map(
            c ->
                new VehicleProfile(
                    c.getMake(),
                    c.getModel(),
                    c.getYear(),
                    c.getVirtualKey() == VirtualKeyStatus.PRESENT))
        .orElse(VehicleProfile.unknown());
  }

  private boolean connected(String vehicleId) {
    return fleet.get(vehicleId).map(c -> c.getStatus() == ConnectionStatus.CONNECTED).orElse(false);
  }

  private Set<String> connectedIds() {
    return fleet.all().stream()
        .filter(c -> c.getStatus() == ConnectionStatus.CONNECTED)
        .map(VehicleConnection::getVehicleId)
        .collect(Collectors.toSet());
  }
}
