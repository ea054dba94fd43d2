package io.smartcarpipeline.sim.vehicle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six V3 commands the stand-in serves (docs/smartcar-v3.md §4.1): the path under {@code
 * /v3/vehicles/{id}/commands/} and the {@code commandType} of the {@code command-execution} answer
 * (§4.2).
 */
public enum CommandType {
  CHARGE_START("charge/start", "charge-start"),
  CHARGE_STOP("charge/stop", "charge-stop"),
  CHARGE_SET_LIMIT("charge/set-limit", "charge-set-limit"),
  SECURITY_LOCK("security/lock", "security-lock"),
  SECURITY_UNLOCK("security/unlock", "security-unlock"),
  NAVIGATION_SET_DESTINATION("navigation/set-destination", "navigation-set-destination");

  private final String path;
  private final String wireName;

  CommandType(String path, String wireName) {
    this.path = path;
    this.wireName = wireName;
  }

  /** Path below {@code /v3/vehicles/{id}/commands/}, e.g. {@code charge/set-limit}. */
  public String path() {
    return path;
  }

  /** The {@code commandType} value, e.g. {@code charge-set-limit}; also the request-log name. */
  public String wireName() {
    return wireName;
  }

  /** The command with this wire name, if any. */
  public static Optional<CommandType> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
