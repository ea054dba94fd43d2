package io.smartcarpipeline.dispatcher.compatibility;

import io.smartcarpipeline.events.Capability;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.Compatibility;
import io.smartcarpipeline.events.VehicleConnection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands each vehicle is known not to support, from its newest {@code VehicleConnection}
 * record (plain Java; written by one thread, read by the event loop). Only an explicit {@code
 * supported=false} of a command name that {@link CommandNames} matches counts; {@code null}, a
 * missing command, an unknown name or a missing {@code compatibility} never refuses, and a name
 * said both supported and unsupported (two spellings in one answer) is not refused either. A newer
 * record replaces the older one whole; a tombstone or an unreadable record forgets the vehicle.
 *
 * <p>A {@code DISCONNECTED} vehicle keeps its refusals: compatibility belongs to the make, model
 * and year, which disconnecting does not change. Being disconnected refuses nothing by itself: the
 * status is only as fresh as fleet-sync's last sync (a vehicle connected again since would be
 * refused wrongly), and Smartcar answers a really disconnected vehicle with a final error anyway.
 */
public final class KnownUnsupported implements CommandSupport {

  /** What makes a vehicle's commands refusable: its description and the refused commands. */
  private record Known(String vehicle, Instant checkedAt, Set<CommandType> unsupported) {}

  private final Map<String, Known> byVehicle = new ConcurrentHashMap<>();

  /** Takes the newest record of {@code vehicleId}; null (a tombstone) forgets the vehicle. */
  public void accept(String vehicleId, VehicleConnection record) {
    Known known = record == null ? null : known(record);
    if (known == null) {
      byVehicle.remove(vehicleId);
    } else {
      byVehicle.put(vehicleId, known);
    }
  }

  /** Forgets what was known of {@code vehicleId} (its newest record could not be read). */
  public void forget(String vehicleId) {
    byVehicle.remove(vehicleId);
  }

  /** Vehicle and command pairs known unsupported (for the metrics). */
  public int size() {
    return byVehicle.values().stream().mapToInt(k -> k.unsupported().size()).sum();
  }

  @Override
  public String refusal(CommandRequest request) {
    Known known = byVehicle.get(request.getVehicleId());
    if (known == null || !known.unsupported().contains(request.getType())) {
      return null;
    }
    return known.vehicle()
        + " does not support "
        + request.getType()
        + " according to Smartcar's Compatibility API (answer of "
        + known.checkedAt()
        + "), so it was not sent. Check what the vehicle supports with `bin/smartcar-pipeline"
        + " compatibility --vehicle "
        + request.getVehicleId()
        + "`";
  }

  private static Known known(VehicleConnection record) {
    Compatibility compatibility = record.getCompatibility();
    if (compatibility == null) {
      return null;
    }
    Set<CommandType> no = EnumSet.noneOf(CommandType.class);
    Set<CommandType> yes = EnumSet.noneOf(CommandType.class);
    for (Capability c : compatibility.getCommands()) {
      if (c.getSupported() != null) {
        CommandNames.match(c.getCode()).ifPresent(t -> (c.getSupported() ? yes : no).add(t));
      }
    }
    no.removeAll(yes);
    return no.isEmpty()
        ? null
        : new Known(describe(record), compatibility.getCheckedAt(), Set.copyOf(no));
  }

  /** {@code vehicle V (TESLA Model 3 2021)}, with {@code ?} for what Smartcar did not list. */
  private static String describe(VehicleConnection r) {
    return "vehicle "
        + r.getVehicleId()
        + " ("
        + orUnknown(r.getMake())
        + " "
        + orUnknown(r.getModel())
        + " "
        + (r.getYear() == null ? "?" : r.getYear())
        + ")";
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "?" : s;
  }
}
