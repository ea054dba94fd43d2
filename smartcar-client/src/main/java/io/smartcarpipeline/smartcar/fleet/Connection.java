package io.smartcarpipeline.smartcar.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * One connection of the application as {@code GET /connections} lists it. Only the vehicle id is
 * sure; every other field is null when Smartcar did not send it (the attributes are not documented,
 * docs/smartcar-v3.md §6.2).
 *
 * @param vehicleId Smartcar vehicle id
 * @param userId Smartcar user id, for {@code sc-user-id}
 * @param make make, as listed
 * @param model model, as listed
 * @param year model year
 * @param mode {@code live} or {@code simulated}, lower case
 * @param connectedAt when the user connected it
 */
public record Connection(
    String vehicleId,
    String userId,
    String make,
    String model,
    Integer year,
    String mode,
    Instant connectedAt) {

  public Connection {
    Objects.requireNonNull(vehicleId, "vehicleId");
  }

  /** Whether it is a real (live) vehicle; an unknown mode counts as live. */
  public boolean live() {
    return mode == null || !mode.equals("simulated");
  }
}
