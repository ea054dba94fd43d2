package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.SimFleetState;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A fleet stepped by hand, without Vert.x or HTTP: the events it would send, in order. */
final class OfflineFleet {

  static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
  static final Duration STEP = Duration.ofSeconds(60);

  final SimFleetState state = new SimFleetState(Clock.systemUTC());
  final SimulatedClock clock = new SimulatedClock(START);
  final FleetLedger ledger = new FleetLedger(Clock.systemUTC());
  final FleetStepper stepper;
  final List<VehicleProfile> profiles;
  final List<WebhookEvent> events = new ArrayList<>();

  OfflineFleet(int vehicles, long seed) {
    profiles = FleetProfiles.create(vehicles, seed);
    stepper = new FleetStepper(profiles, seed, clock, STEP, ledger, state);
    events.addAll(stepper.firstDeliveries());
  }

  /** Steps simulated time forward by {@code duration}; returns the events of this run. */
  List<WebhookEvent> run(Duration duration) {
    List<WebhookEvent> produced = new ArrayList<>();
    for (long i = 0; i < duration.dividedBy(STEP); i++) {
      produced.addAll(stepper.tick());
    }
    events.addAll(produced);
    return produced;
  }

  VehicleProfile profile(String vehicleId) {
    return profiles.stream().filter(p -> p.vehicleId().equals(vehicleId)).findFirst().orElseThrow();
  }

  /** VEHICLE_STATE events of one vehicle, in order. */
  Stream<WebhookEvent> states(String vehicleId) {
    return events.stream().filter(e -> e.isVehicleState() && e.vehicleId().equals(vehicleId));
  }

  /** {@code body} of a signal in an event, or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> body(WebhookEvent e, SimSignal s) {
    return (Map<String, Object>) e.values().get(s.code());
  }

  static Object value(WebhookEvent e, SimSignal s) {
    Map<String, Object> body = body(e, s);
    return body == null ? null : body.get("value");
  }

  static double number(WebhookEvent e, SimSignal s) {
    return ((Number) value(e, s)).doubleValue();
  }

  /** The raw signal objects of an event's body. */
  static List<JsonObject> signals(WebhookEvent e) {
    return e.body().getJsonObject("data").getJsonArray("signals").stream()
        .map(JsonObject.class::cast)
        .toList();
  }
}
