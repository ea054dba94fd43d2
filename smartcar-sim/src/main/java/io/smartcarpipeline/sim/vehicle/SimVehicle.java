package io.smartcarpipeline.sim.vehicle;

import io.smartcarpipeline.sim.SmartcarError;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * One simulated vehicle: its identity, the user it is connected for, and the state that commands
 * change (lock, charging, charge limit, destination). Thread-safe: every read and change holds the
 * vehicle's lock, so HTTP handlers and the fleet simulation can share it.
 *
 * <p>Rules, checked in this order when a command arrives (docs/smartcar-v3.md §4, §5.2, §7):
 *
 * <ol>
 *   <li>a Tesla without the application's virtual key refuses every command: 400 {@code
 *       CONNECTED_SERVICES_ACCOUNT:VIRTUAL_KEY_REQUIRED};
 *   <li>an asleep car answers 409 {@code VEHICLE_STATE:ASLEEP}; after {@code wakeAfterAttempts}
 *       such answers it wakes and the next command runs ({@code -1}: it never wakes by itself);
 *   <li>charge start: {@code CHARGING_IN_PROGRESS} while charging, {@code
 *       CHARGING_PLUG_NOT_CONNECTED} when unplugged, {@code FULLY_CHARGED} when soc ≥ limit;
 *   <li>charge stop: {@code NOT_CHARGING} when not charging;
 *   <li>set-limit: {@code CHARGING_PLUG_NOT_CONNECTED} when unplugged; a limit at or below the soc
 *       stops charging;
 *   <li>lock, unlock and set-destination always succeed on an awake car.
 * </ol>
 */
public final class SimVehicle {

  private final String id;
  private final String userId;
  private final String make;
  private final String model;
  private final int year;
  private final Clock clock;

  private boolean hasVirtualKey;
  private boolean asleep;
  private int wakeAfterAttempts;
  private int asleepAttempts;
  private boolean pluggedIn;
  private boolean charging;
  private double soc;
  private int chargeLimit;
  private boolean locked;
  private double latitude;
  private double longitude;
  private Double destinationLatitude;
  private Double destinationLongitude;
  private Instant updatedAt;
  private VehicleSnapshot heldReport;
  private Instant heldUntil;

  private SimVehicle(SimVehicleBuilder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.userId = Objects.requireNonNull(b.userId, "userId");
    this.make = b.make;
    this.model = b.model;
    this.year = b.year;
    this.clock = b.clock;
    this.hasVirtualKey = b.hasVirtualKey;
    this.asleep = b.asleep;
    this.wakeAfterAttempts = b.wakeAfterAttempts;
    this.pluggedIn = b.pluggedIn;
    this.charging = b.charging;
    this.soc = b.soc;
    this.chargeLimit = b.chargeLimit;
    this.locked = b.locked;
    this.latitude = b.latitude;
    this.longitude = b.longitude;
    this.updatedAt = clock.instant();
    if (charging && !pluggedIn) {
      throw new IllegalArgumentException("vehicle " + id + " cannot charge while unplugged");
    }
  }

  /** A builder for a vehicle with this id connected for this user. */
  public static SimVehicleBuilder builder(String id, String userId) {
    return new SimVehicleBuilder(id, userId);
  }

  static SimVehicle build(SimVehicleBuilder builder) {
    return new SimVehicle(builder);
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  /** True for make TESLA (§7: commands need the virtual key). */
  public boolean isTesla() {
    return "TESLA".equalsIgnoreCase(make);
  }

  /**
   * Applies a command to this vehicle under its lock and says whether it was carried out.
   *
   * @param params validated parameters (see {@link CommandParams#parse})
   */
  public synchronized CommandOutcome execute(CommandType type, CommandParams params) {
    if (isTesla() && !hasVirtualKey) {
      return CommandOutcome.refused(SmartcarError.virtualKeyRequired());
    }
    if (asleep) {
      if (wakeAfterAttempts < 0 || asleepAttempts < wakeAfterAttempts) {
        asleepAttempts++;
        return refuse("ASLEEP", "The vehicle is asleep and did not respond.");
      }
      wake();
    }
    return switch (type) {
      case CHARGE_START -> startCharging();
      case CHARGE_STOP -> stopCharging();
      case CHARGE_SET_LIMIT -> setChargeLimit(params.percent());
      case SECURITY_LOCK -> lockCommand(true);
      case SECURITY_UNLOCK -> lockCommand(false);
      case NAVIGATION_SET_DESTINATION -> setDestination(params.latitude(), params.longitude());
    };
  }

  private CommandOutcome startCharging() {
    if (charging) {
      return refuse("CHARGING_IN_PROGRESS", "The vehicle is already charging.");
    }
    if (!pluggedIn) {
      return refuse("CHARGING_PLUG_NOT_CONNECTED", "The charging cable is not connected.");
    }
    if (soc >= chargeLimit) {
      return refuse("FULLY_CHARGED", "The battery is already charged to its limit.");
    }
    charging = true;
    return changed();
  }

  private CommandOutcome stopCharging() {
    if (!charging) {
      return refuse("NOT_CHARGING", "The vehicle is not charging.");
    }
    charging = false;
    return changed();
  }

  private CommandOutcome setChargeLimit(int percent) {
    if (!pluggedIn) {
      return refuse("CHARGING_PLUG_NOT_CONNECTED", "The charging cable is not connected.");
    }
    chargeLimit = percent;
    if (soc >= chargeLimit) {
      charging = false;
    }
    return changed();
  }

  private CommandOutcome lockCommand(boolean lock) {
    locked = lock;
    return changed();
  }

  private CommandOutcome setDestination(double lat, double lon) {
    destinationLatitude = lat;
    destinationLongitude = lon;
    return changed();
  }

  private CommandOutcome refuse(String code, String description) {
    return CommandOutcome.refused(SmartcarError.vehicleState(code, description));
  }

  private CommandOutcome changed() {
    updatedAt = clock.instant();
    return CommandOutcome.executed();
  }

  private void wake() {
    asleep = false;
    asleepAttempts = 0;
    updatedAt = clock.instant();
  }

  /**
   * Like {@link #execute(CommandType, CommandParams)}, but a change the command makes is reported
   * (see {@link #reported}) only from {@code reportFrom} on ({@code null}: at once; {@link
   * Instant#MAX}: never). Until then the car keeps reporting its state from before the command.
   */
  public synchronized CommandOutcome execute(
      CommandType type, CommandParams params, Instant reportFrom) {
    VehicleSnapshot before = snapshot();
    CommandOutcome outcome = execute(type, params);
    if (outcome.succeeded() && reportFrom != null && heldReport == null) {
      heldReport = before;
      heldUntil = reportFrom;
    } else if (outcome.succeeded() && reportFrom != null && reportFrom.isAfter(heldUntil)) {
      heldUntil = reportFrom;
    }
    return outcome;
  }

  /**
   * What the car reports at {@code now} (the REST signals read): its current state, reported now,
   * unless a command's change is not reported yet; then the state from before that command, as of
   * when it was last reported.
   */
  public synchronized Reported reported(Instant now) {
    if (heldReport != null && now.isBefore(heldUntil)) {
      return new Reported(heldReport, heldReport.updatedAt(), true);
    }
    heldReport = null;
    heldUntil = null;
    return new Reported(snapshot(), now, false);
  }

  /**
   * A state as the car reports it.
   *
   * @param snapshot the reported state
   * @param oemUpdatedAt when the car reported it
   * @param held whether this is the state from before a command whose change is not reported yet
   */
  public record Reported(VehicleSnapshot snapshot, Instant oemUpdatedAt, boolean held) {}

  /** A consistent copy of the current state. */
  public synchronized VehicleSnapshot snapshot() {
    return new VehicleSnapshot(
        id,
        userId,
        make,
        model,
        year,
        isTesla(),
        hasVirtualKey,
        asleep,
        pluggedIn,
        charging,
        (int) Math.floor(soc + 1e-9),
        chargeLimit,
        locked,
        latitude,
        longitude,
        destinationLatitude,
        destinationLongitude,
        updatedAt,
        soc);
  }

  /** Puts the car to sleep; it wakes after {@code wakeAfterAttempts} commands (−1: never). */
  public synchronized void sleep(int wakeAfterAttempts) {
    this.asleep = true;
    this.wakeAfterAttempts = wakeAfterAttempts;
    this.asleepAttempts = 0;
    updatedAt = clock.instant();
  }

  /** Wakes the car now (e.g. the owner opened the app). */
  public synchronized void wakeUp() {
    wake();
  }

  /** Plugs the cable in or out; unplugging stops charging. */
  public synchronized void setPluggedIn(boolean plugged) {
    pluggedIn = plugged;
    if (!plugged) {
      charging = false;
    }
    updatedAt = clock.instant();
  }

  /** Sets the state of charge (0..100); reaching the limit stops charging. */
  public synchronized void setSoc(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("soc must be 0..100, was " + percent);
    }
    soc = percent;
    if (soc >= chargeLimit) {
      charging = false;
    }
    updatedAt = clock.instant();
  }

  /** Adds or removes the application's virtual key (Tesla). */
  public synchronized void setVirtualKey(boolean present) {
    hasVirtualKey = present;
    updatedAt = clock.instant();
  }

  /** Moves the car. */
  public synchronized void setLocation(double lat, double lon) {
    latitude = lat;
    longitude = lon;
    updatedAt = clock.instant();
  }

  // ---- used by the fleet simulation (the car's own behaviour, not API commands) ----

  /**
   * Adds charge while charging: raises the state of charge by up to {@code socDelta} percentage
   * points, never above the limit; reaching the limit stops charging (then {@code
   * detailedChargingStatus} is {@code FULLY_CHARGED}).
   *
   * @return the rise actually applied (0 when not charging)
   */
  public synchronized double charge(double socDelta) {
    if (!charging || socDelta <= 0) {
      return 0;
    }
    double applied;
    if (socDelta >= chargeLimit - soc) {
      applied = Math.max(0, chargeLimit - soc);
      soc = Math.max(soc, chargeLimit);
      charging = false;
    } else {
      applied = socDelta;
      soc += socDelta;
    }
    updatedAt = clock.instant();
    return applied;
  }

  /**
   * Uses charge while driving: lowers the state of charge by up to {@code socDelta} points, never
   * below 0.
   *
   * @return the drop actually applied
   */
  public synchronized double discharge(double socDelta) {
    double applied = Math.max(0, Math.min(socDelta, soc));
    soc -= applied;
    updatedAt = clock.instant();
    return applied;
  }

  /**
   * The car starts or pauses charging by itself (plug-in, timer, pause). Starting needs the plug
   * and a state of charge below the limit; otherwise nothing changes.
   *
   * @return whether the car is charging afterwards
   */
  public synchronized boolean setCharging(boolean on) {
    if (on && pluggedIn && soc < chargeLimit) {
      charging = true;
    } else if (!on) {
      charging = false;
    }
    updatedAt = clock.instant();
    return charging;
  }

  /** The owner locks or unlocks the car (no virtual-key or sleep rules, unlike the command). */
  public synchronized void setLocked(boolean lock) {
    locked = lock;
    updatedAt = clock.instant();
  }
}
