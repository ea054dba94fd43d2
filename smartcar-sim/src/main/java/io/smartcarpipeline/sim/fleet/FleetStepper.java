package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.SimFleetState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fleet's simulation loop without any I/O: creates the vehicles (adding them to the shared
 * {@link SimFleetState}), and on each tick advances the {@link SimulatedClock} by one step, steps
 * every {@link VehicleModel} in id order, feeds the readings to the ledger's session trackers and
 * returns the events the {@link VehicleReporter}s decided to send, stamped by the {@link
 * ReportClock} (simulated time when none is given). Deterministic for a seed when no command
 * intervenes; not thread-safe (the verticle calls it from one event loop, tests directly).
 */
public final class FleetStepper {

  private final SimulatedClock clock;
  private final ReportClock stamps;
  private final Duration step;
  private final FleetLedger ledger;
  private final List<VehicleModel> models = new ArrayList<>();
  private final List<VehicleReporter> reporters = new ArrayList<>();

  public FleetStepper(
      List<VehicleProfile> profiles,
      long seed,
      SimulatedClock clock,
      Duration step,
      FleetLedger ledger,
      SimFleetState state) {
    this(profiles, seed, clock, new ReportClock(clock), step, ledger, state);
  }

  /**
   * A stepper whose reports are stamped by {@code stamps} (the running fleet: the stand-in's clock)
   * rather than by simulated time.
   */
  FleetStepper(
      List<VehicleProfile> profiles,
      long seed,
      SimulatedClock clock,
      ReportClock stamps,
      Duration step,
      FleetLedger ledger,
      SimFleetState state) {
    this.clock = clock;
    this.stamps = stamps;
    this.step = step;
    this.ledger = ledger;
    for (int i = 0; i < profiles.size(); i++) {
      VehicleModel model = VehicleModel.create(profiles.get(i), i, seed, clock);
      VehicleProfile profile = profiles.get(i);
      boolean streamingWithoutKey =
          "TESLA".equalsIgnoreCase(profile.car().make()) && !profile.car().hasVirtualKey();
      state.add(model.car(), "live", streamingWithoutKey);
      models.add(model);
      reporters.add(new VehicleReporter(profiles.get(i), new Random(seed * 7919 + i)));
    }
  }

  /** The first delivery of every vehicle, at the start time. */
  public List<WebhookEvent> firstDeliveries() {
    return report(stamps.next());
  }

  /** One step of simulated time; the events it produced. */
  public List<WebhookEvent> tick() {
    Instant now = clock.advance(step);
    for (VehicleModel model : models) {
      model.step(now, step);
    }
    return report(stamps.next());
  }

  /** What every car reports at {@code now} (a stamp of the report clock). */
  private List<WebhookEvent> report(Instant now) {
    List<WebhookEvent> out = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      VehicleModel model = models.get(i);
      Readings readings = model.reportedReadings(now);
      ledger.observe(model.profile(), readings, now);
      for (WebhookEvent event : reporters.get(i).report(readings, now)) {
        ledger.generated(event);
        out.add(event);
      }
    }
    return out;
  }

  public List<VehicleModel> models() {
    return List.copyOf(models);
  }

  public SimulatedClock clock() {
    return clock;
  }
}
