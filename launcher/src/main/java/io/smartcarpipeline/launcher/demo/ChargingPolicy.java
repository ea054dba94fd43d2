package io.smartcarpipeline.launcher.demo;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The example orchestrator's rules, in plain Java. When a car is plugged in at home below the
 * target and not charging, set its limit to the target and start charging; while the price signal
 * says "peak", stop home charging, and start again when the peak is over.
 *
 * <p>It is careful with the car, as a real orchestrator must be: at most one decision in flight per
 * vehicle (nothing new until the previous results are back, or {@link #PENDING_LIMIT} passed); the
 * same command is not repeated within {@link #REPEAT_AFTER} (state lags behind commands); after a
 * failure the vehicle is left alone for {@link #FAILURE_BACKOFF}; and a failure only the owner can
 * fix (virtual key, permissions, account) stops all commands to that vehicle.
 */
public final class ChargingPolicy {

  static final Duration PENDING_LIMIT = Duration.ofMinutes(3);
  static final Duration REPEAT_AFTER = Duration.ofMinutes(2);
  static final Duration FAILURE_BACKOFF = Duration.ofMinutes(10);
  private static final Set<String> OWNER_MUST_ACT =
      Set.of("CONNECTED_SERVICES_ACCOUNT", "PERMISSION");

  /** One command to send. */
  public record Decision(String vehicleId, String userId, CommandType type, Integer percent) {}

  private final int targetPercent;
  private final Map<String, Pending> pending = new HashMap<>();
  private final Map<String, Instant> leftAloneUntil = new HashMap<>();
  private final Map<String, Instant> lastSent = new HashMap<>();

  public ChargingPolicy(int targetPercent) {
    if (targetPercent < 50 || targetPercent > 100) {
      throw new IllegalArgumentException(
          "target must be 50..100 (Smartcar's range), got " + targetPercent);
    }
    this.targetPercent = targetPercent;
  }

  /** What to do about this vehicle now. */
  public List<Decision> decide(VehicleView v, boolean peak, Instant now) {
    List<Decision> out = new ArrayList<>();
    if (v.userId() == null || busy(v.vehicleId(), now)) {
      return out;
    }
    boolean home = v.atHome().orElse(false) && v.pluggedIn().orElse(false);
    boolean charging = v.charging().orElse(false);
    double soc = v.soc().orElse(100.0);
    if (home && peak && charging) {
      add(out, v, CommandType.STOP_CHARGING, null, now);
    } else if (home && !peak && !charging && soc < targetPercent) {
      if (v.chargeLimit().map(l -> Math.round(l) != targetPercent).orElse(true)) {
        add(out, v, CommandType.SET_CHARGE_LIMIT, targetPercent, now);
      }
      add(out, v, CommandType.START_CHARGING, null, now);
    }
    if (!out.isEmpty()) {
      pending.put(v.vehicleId(), new Pending(out.size(), now));
    }
    return out;
  }

  /** A result came back for one of this orchestrator's commands. */
  public void resultArrived(CommandResult result, Instant now) {
    String vehicleId = result.getVehicleId();
    pending.computeIfPresent(
        vehicleId, (k, p) -> p.count() <= 1 ? null : new Pending(p.count() - 1, p.since()));
    if (result.getStatus() == CommandStatus.FAILED) {
      boolean ownerMustAct =
          result.getErrorType() != null && OWNER_MUST_ACT.contains(result.getErrorType());
      leftAloneUntil.put(vehicleId, ownerMustAct ? Instant.MAX : now.plus(FAILURE_BACKOFF));
    }
  }

  /** Whether the policy has given up on a vehicle until its owner acts. */
  public boolean waitingForOwner(String vehicleId) {
    return Instant.MAX.equals(leftAloneUntil.get(vehicleId));
  }

  private boolean busy(String vehicleId, Instant now) {
    Pending waiting = pending.get(vehicleId);
    if (waiting != null && waiting.since().plus(PENDING_LIMIT).isAfter(now)) {
      return true;
    }
    Instant until = leftAloneUntil.get(vehicleId);
    return until != null && until.isAfter(now);
  }

  private void add(
      List<Decision> out, VehicleView v, CommandType type, Integer percent, Instant now) {
    String key = v.vehicleId() + "/" + type;
    Instant previous = lastSent.get(key);
    if (previous != null && previous.plus(REPEAT_AFTER).isAfter(now)) {
      return;
    }
    lastSent.put(key, now);
    out.add(new Decision(v.vehicleId(), v.userId(), type, percent));
  }

  private record Pending(int count, Instant since) {}
}
