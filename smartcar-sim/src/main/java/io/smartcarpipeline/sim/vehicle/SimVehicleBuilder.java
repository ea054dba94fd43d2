package io.smartcarpipeline.sim.vehicle;

import java.time.Clock;
import java.util.Objects;

/**
 * Builds a {@link SimVehicle}. Defaults: a 2024 Volkswagen ID.4, awake, plugged in, not charging,
 * soc 50, limit 80, locked, virtual key present, in Stuttgart, wall clock.
 */
public final class SimVehicleBuilder {
  final String id;
  final String userId;
  String make = "VOLKSWAGEN";
  String model = "ID.4";
  int year = 2024;
  boolean hasVirtualKey = true;
  boolean asleep;
  int wakeAfterAttempts = -1;
  boolean pluggedIn = true;
  boolean charging;
  int soc = 50;
  int chargeLimit = 80;
  boolean locked = true;
  double latitude = 48.7758;
  double longitude = 9.1829;
  Clock clock = Clock.systemUTC();

  SimVehicleBuilder(String id, String userId) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = Objects.requireNonNull(userId, "userId");
  }

  public SimVehicleBuilder make(String make, String model, int year) {
    this.make = Objects.requireNonNull(make, "make");
    this.model = Objects.requireNonNull(model, "model");
    this.year = year;
    return this;
  }

  /** A Tesla Model 3 (2022) with or without the application's virtual key. */
  public SimVehicleBuilder tesla(boolean hasVirtualKey) {
    return make("TESLA", "Model 3", 2022).virtualKey(hasVirtualKey);
  }

  public SimVehicleBuilder virtualKey(boolean present) {
    this.hasVirtualKey = present;
    return this;
  }

  /** Asleep; wakes after {@code wakeAfterAttempts} refused commands (−1: never by itself). */
  public SimVehicleBuilder asleep(int wakeAfterAttempts) {
    this.asleep = true;
    this.wakeAfterAttempts = wakeAfterAttempts;
    return this;
  }

  public SimVehicleBuilder pluggedIn(boolean pluggedIn) {
    this.pluggedIn = pluggedIn;
    return this;
  }

  public SimVehicleBuilder charging(boolean charging) {
    this.charging = charging;
    return this;
  }

  public SimVehicleBuilder soc(int soc) {
    if (soc < 0 || soc > 100) {
      throw new IllegalArgumentException("soc must be 0..100, was " + soc);
    }
    this.soc = soc;
    return this;
  }

  public SimVehicleBuilder chargeLimit(int chargeLimit) {
    if (chargeLimit < 50 || chargeLimit > 100) {
      throw new IllegalArgumentException("chargeLimit must be 50..100, was " + chargeLimit);
    }
    this.chargeLimit = chargeLimit;
    return this;
  }

  public SimVehicleBuilder locked(boolean locked) {
    this.locked = locked;
    return this;
  }

  public SimVehicleBuilder location(double latitude, double longitude) {
    this.latitude = latitude;
    this.longitude = longitude;
    return this;
  }

  /** The clock stamping {@code oemUpdatedAt} of state changes. */
  public SimVehicleBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public SimVehicle build() {
    return SimVehicle.build(this);
  }
}
