package io.smartcarpipeline.launcher;

import io.smartcarpipeline.sim.fleet.FleetLedger;
import io.smartcarpipeline.sim.fleet.LedgerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the pipeline must make of the events in the fleet ledger, in the pipeline's terms. Rules (as
 * {@code SignalEvents} and {@code VehicleStateFold} in stream-processors define them): a
 * VEHICLE_STATE event becomes one signal record per signal it carries, read or failed; a
 * VEHICLE_ERROR becomes one record per signal an error names, or one with code {@code *} for an
 * error that names none; an error raised and never resolved stays open in the state.
 */
final class LedgerExpectations {

  private LedgerExpectations() {}

  /** The sorted {@code source:code} of the signal records of {@code e}. */
  static List<String> signalRecords(LedgerEvent e) {
    List<String> out = new ArrayList<>();
    if ("VEHICLE_ERROR".equals(e.eventType())) {
      // the sim's errors name at most one signal: ASLEEP the location, VIRTUAL_KEY_REQUIRED none
      for (String error : e.errors()) {
        boolean asleep = error.startsWith("VEHICLE_STATE:ASLEEP:");
        out.add("VEHICLE_ERROR:" + (asleep ? "location-preciselocation" : "*"));
      }
    } else {
      e.values().keySet().forEach(code -> out.add("VEHICLE_STATE:" + code));
      e.errors().forEach(code -> out.add("VEHICLE_STATE:" + code));
    }
    return out.stream().sorted().toList();
  }

  /**
   * {@code TYPE:CODE} of every vehicle error the sim raised for this vehicle and never resolved.
   */
  static Set<String> neverResolvedErrors(FleetLedger ledger, String vehicleId) {
    Set<String> raised = new TreeSet<>();
    Set<String> resolved = new TreeSet<>();
    for (LedgerEvent e : ledger.acceptedEvents()) {
      if (!e.vehicleId().equals(vehicleId) || !"VEHICLE_ERROR".equals(e.eventType())) {
        continue;
      }
      for (String error : e.errors()) {
        String condition = error.substring(0, error.lastIndexOf(':'));
        (error.endsWith(":RESOLVED") ? resolved : raised).add(condition);
      }
    }
    raised.removeAll(resolved);
    return raised;
  }
}
