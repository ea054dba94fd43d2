package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.vehicle.SimVehicle;
import io.smartcarpipeline.sim.vehicle.VehicleSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * One simulated vehicle's day in simulated time: parked (falls asleep after 30 idle minutes),
 * drives (SoC falls with distance × consumption, odometer rises, location moves), plugs in at home
 * (AC, sometimes waiting for a timer) or at a DC fast charger when low, charges along the {@link
 * PowerCurve}, sometimes pauses and resumes, stops at the limit ({@code FULLY_CHARGED}), unplugs
 * when it leaves. Plain Java; the state shared with the API stand-in (plug, charging, limit, SoC,
 * lock, location, sleep, destination) lives in the {@link SimVehicle}, so commands change what the
 * car does next: a stopped charge stays stopped, a new limit is charged to, a destination becomes
 * the next trip.
 *
 * <p>Rules: energy and distance accrue over a step only if the car was already charging (driving)
 * at the previous step, so every SoC rise lies between two reports that both say charging; the
 * energy counter rises by exactly SoC rise × capacity / 100 and restarts at plug-in. Deterministic:
 * the same profile, seed and step sequence (and no commands) give the same day.
 */
public final class VehicleModel {

  private enum Activity {
    PARKED,
    DRIVING,
    PLUGGED
  }

  private static final Duration SLEEP_AFTER = Duration.ofMinutes(30);

  private final VehicleProfile profile;
  private final SimVehicle car;
  private final Random random;
  private final DayPlan plan;
  private Activity activity;
  private Instant until;
  private Instant idleSince;
  private Instant lastUpdate;
  private double odometerKm;
  private double energyAddedKwh;
  private boolean dc;
  private boolean chargingAtLastStep;
  private Double pauseAtSoc;
  private Instant resumeAt;
  private Instant timerStartAt;
  private Trip trip;
  private int heading;
  private Double[] consumedDestination = {null, null};
  private Readings lastReported;

  VehicleModel(VehicleProfile profile, SimVehicle car, Random random, Instant now, int index) {
    this.profile = profile;
    this.car = car;
    this.random = random;
    this.plan = new DayPlan(random);
    this.idleSince = now;
    this.lastUpdate = car.snapshot().updatedAt();
    this.odometerKm = 8_000 + random.nextInt(60_000);
    this.activity = Activity.PARKED;
    this.until = now.plus(plan.minutes(10, 40));
    switch (index % 4) {
      case 0 -> plugIn(now, false, false);
      case 2 -> {
        Trip homeward = Trip.homeward(profile, random, now, plan);
        car.setLocation(homeward.fromLatitude(), homeward.fromLongitude());
        startTrip(now, homeward);
      }
      case 3 -> plugIn(now, false, true);
      default -> {}
    }
    chargingAtLastStep = car.snapshot().charging();
  }

  /**
   * A vehicle of this profile with its {@link SimVehicle} (stamped by {@code clock}), starting, by
   * {@code index % 4}: plugged in at home waiting for its timer (0), parked at home (1), driving
   * home (2), plugged in at home and charging (3).
   */
  public static VehicleModel create(VehicleProfile p, int index, long seed, Clock clock) {
    Random random = new Random(seed * 1_000_003L + index);
    int soc =
        switch (index % 4) {
          case 0 -> 30 + random.nextInt(21);
          case 1 -> 55 + random.nextInt(36);
          case 2 -> 25 + random.nextInt(21);
          default -> 20 + random.nextInt(21);
        };
    SimVehicle car =
        SimVehicle.builder(p.vehicleId(), p.userId())
            .make(p.car().make(), p.car().model(), p.car().year())
            .virtualKey(p.car().hasVirtualKey())
            .pluggedIn(false)
            .soc(soc)
            .chargeLimit(index % 3 == 0 ? 90 : 80)
            .location(p.homeLatitude(), p.homeLongitude())
            .locked(true)
            .clock(clock)
            .build();
    return new VehicleModel(p, car, random, clock.instant(), index);
  }

  public VehicleProfile profile() {
    return profile;
  }

  public SimVehicle car() {
    return car;
  }

  /** Advances the car to {@code now}, {@code dt} after the previous step. */
  public void step(Instant now, Duration dt) {
    VehicleSnapshot s = car.snapshot();
    if (!s.updatedAt().equals(lastUpdate)) {
      idleSince = now;
    }
    if (activity == Activity.DRIVING) {
      drive(now);
    } else if (chargingAtLastStep && s.charging()) {
      charge(s, dt);
    }
    decide(now, car.snapshot());
    chargingAtLastStep = car.snapshot().charging();
    lastUpdate = car.snapshot().updatedAt();
  }

  private void charge(VehicleSnapshot s, Duration dt) {
    double kw = PowerCurve.kilowatts(s.socPrecise(), maxKw(), dc);
    double kwh = kw * dt.toMillis() / 3_600_000.0;
    double applied = car.charge(kwh / profile.car().capacityKwh() * 100);
    energyAddedKwh += applied * profile.car().capacityKwh() / 100;
  }

  private void drive(Instant now) {
    VehicleSnapshot s = car.snapshot();
    double[] at = trip.positionAt(now);
    double km = Geo.distanceKm(s.latitude(), s.longitude(), at[0], at[1]);
    odometerKm += km;
    car.discharge(km * profile.car().kwhPerKm() / profile.car().capacityKwh() * 100);
    heading = trip.heading();
    car.setLocation(at[0], at[1]);
    if (!now.isBefore(trip.arrival())) {
      arrive(now);
    } else if (car.snapshot().socPrecise() < 8 && !trip.toFastCharger()) {
      trip = null;
      plugIn(now, true, true);
    }
  }

  private void arrive(Instant now) {
    Trip done = trip;
    trip = null;
    car.setLocked(random.nextDouble() < 0.9);
    idleSince = now;
    double soc = car.snapshot().socPrecise();
    if (done.toFastCharger()) {
      plugIn(now, true, true);
    } else if (done.toHome() && soc < 75) {
      plugIn(now, false, random.nextDouble() < 0.6);
    } else if (!done.toHome() && soc < 35) {
      startTrip(now, Trip.toFastCharger(car.snapshot(), random, now));
    } else {
      activity = Activity.PARKED;
      until = now.plus(plan.minutes(60, done.toHome() ? 300 : 240));
    }
  }

  private void plugIn(Instant now, boolean fast, boolean autoStart) {
    car.setPluggedIn(true);
    activity = Activity.PLUGGED;
    dc = fast;
    energyAddedKwh = 0;
    resumeAt = null;
    timerStartAt = autoStart ? null : now.plus(plan.minutes(30, 150));
    double soc = car.snapshot().socPrecise();
    int limit = car.snapshot().chargeLimit();
    pauseAtSoc =
        !fast && random.nextDouble() < 0.3 && soc + 8 < limit
            ? soc + 3 + 5 * random.nextDouble()
            : null;
    until = now.plus(fast ? plan.minutes(40, 70) : plan.minutes(240, 600));
    if (autoStart) {
      startCharging();
    }
    idleSince = now;
  }

  private void decide(Instant now, VehicleSnapshot s) {
    if (activity == Activity.PLUGGED) {
      decidePlugged(now, s);
    } else if (activity == Activity.PARKED && !now.isBefore(until)) {
      startTrip(now, nextTrip(now, s));
      return;
    }
    boolean newDestination = s.destinationLatitude() != null && !isConsumed(s);
    if (newDestination && activity != Activity.DRIVING) {
      until = earliest(until, now.plus(Duration.ofMinutes(10)));
    }
    boolean idle = activity != Activity.DRIVING && !car.snapshot().charging();
    if (idle && !s.asleep() && !now.isBefore(idleSince.plus(SLEEP_AFTER))) {
      car.sleep(1);
    }
  }

  private void decidePlugged(Instant now, VehicleSnapshot s) {
    if (timerStartAt != null && !now.isBefore(timerStartAt)) {
      timerStartAt = null;
      startCharging();
    }
    if (resumeAt != null && !now.isBefore(resumeAt)) {
      resumeAt = null;
      startCharging();
    }
    VehicleSnapshot c = car.snapshot();
    if (pauseAtSoc != null && c.charging() && c.socPrecise() >= pauseAtSoc) {
      pauseAtSoc = null;
      car.setCharging(false);
      resumeAt = now.plus(plan.minutes(10, 30));
    }
    if (dc && !car.snapshot().charging() && resumeAt == null) {
      until = earliest(until, now.plus(plan.minutes(3, 10)));
    }
    if (!now.isBefore(until)) {
      if (c.socPrecise() < 15 && !dc) {
        until = now.plus(Duration.ofHours(1));
        startCharging();
        return;
      }
      car.setPluggedIn(false);
      startTrip(now, nextTrip(now, car.snapshot()));
    }
  }

  private void startCharging() {
    if (car.snapshot().asleep()) {
      car.wakeUp();
    }
    car.setCharging(true);
  }

  private Trip nextTrip(Instant now, VehicleSnapshot s) {
    if (s.destinationLatitude() != null && !isConsumed(s)) {
      consumedDestination = new Double[] {s.destinationLatitude(), s.destinationLongitude()};
      return Trip.to(
          s, s.destinationLatitude(), s.destinationLongitude(), false, false, random, now);
    }
    return atHome(s)
        ? Trip.away(s, random, now, plan)
        : Trip.to(s, profile.homeLatitude(), profile.homeLongitude(), true, false, random, now);
  }

  private void startTrip(Instant now, Trip next) {
    car.wakeUp();
    car.setLocked(false);
    if (car.snapshot().pluggedIn()) {
      car.setPluggedIn(false);
    }
    trip = next;
    activity = Activity.DRIVING;
    heading = next.heading();
    until = next.arrival();
    idleSince = now;
  }

  private boolean isConsumed(VehicleSnapshot s) {
    return s.destinationLatitude().equals(consumedDestination[0])
        && s.destinationLongitude().equals(consumedDestination[1]);
  }

  private boolean atHome(VehicleSnapshot s) {
    return Geo.distanceKm(
            s.latitude(), s.longitude(), profile.homeLatitude(), profile.homeLongitude())
        < 0.15;
  }

  private double maxKw() {
    return dc ? profile.car().dcKw() : profile.car().acKw();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * What the car reports at {@code reportTime} (on the clock its report holds are set on): what it
   * measures now, unless a command's change is not reported yet ({@code reportDelayMs} / {@code
   * neverReports}, see {@link SimVehicle#reported}); then, like an OEM cloud that has not heard
   * from the car, the same readings it reported last, until the hold ends.
   */
  public Readings reportedReadings(Instant reportTime) {
    if (lastReported != null && car.reported(reportTime).held()) {
      return lastReported;
    }
    lastReported = readings();
    return lastReported;
  }

  /** What the car measures now. */
  public Readings readings() {
    VehicleSnapshot s = car.snapshot();
    double watts = s.charging() ? PowerCurve.kilowatts(s.socPrecise(), maxKw(), dc) * 1000 : 0;
    double volts = !s.pluggedIn() ? 0 : dc ? 400 : profile.car().imperial() ? 240 : 230;
    double minutes =
        watts > 0
            ? (s.chargeLimit() - s.socPrecise())
                / 100
                * profile.car().capacityKwh()
                / (watts / 1000)
                * 60
            : 0;
    return new Readings(
        s.asleep(),
        s.locked(),
        s.pluggedIn(),
        s.charging(),
        s.detailedChargingStatus(),
        s.chargeLimit(),
        s.socPrecise(),
        energyAddedKwh,
        watts,
        volts,
        s.pluggedIn() && dc,
        Math.max(0, minutes),
        odometerKm,
        s.socPrecise() / 100 * profile.car().capacityKwh() / profile.car().kwhPerKm(),
        s.latitude(),
        s.longitude(),
        heading,
        atHome(s));
  }
}
