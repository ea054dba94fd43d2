package io.smartcarpipeline.processors.domain.charging;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything the session rules remember about one vehicle between events: the newest source time
 * applied per signal (so late and repeated readings are recognised), the latest known context
 * (plug, SoC, capacity, location, …), the open session if any, and the last closed one while its
 * grace window for late corrections lasts. Stored per vehicle in the session state store.
 */
public final class ChargingTracker {

  public Map<String, Long> lastAt = new HashMap<>();
  public String userId;
  public Boolean plugged;
  public Long pluggedAt;
  public boolean plugSignalSeen;
  public boolean chargingSignalSeen;
  public Double soc;
  public Double capacityKwh;
  public Place location;
  public Boolean atHome;
  public Double chargeLimit;
  public Boolean fastCharger;
  public String fastChargerType;
  public String connectorType;
  public String lastStatus;
  public Double lastEnergyKwh;
  public Long lastEnergyAt;
  public long lastSeenWallMs;
  public long lastClosedEndAt = Long.MIN_VALUE;

  public SessionDraft open;
  public SessionDraft closed;
  public long closedWallMs;

  /** Whether a reading is newer than the newest one applied for its signal. */
  boolean fresh(Reading<?> r) {
    Long seen = lastAt.get(r.code());
    return seen == null || r.at() > seen;
  }

  /** Whether nothing is left worth keeping (no session open or in its grace window). */
  public boolean idle() {
    return open == null && closed == null;
  }
}
