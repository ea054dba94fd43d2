package io.smartcarpipeline.sim.vehicle;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What the simulator's connection list says about one vehicle ({@code GET /v3/connections}): who
 * connected it, when, in which mode, and whether it is a streaming-capable vehicle (Tesla's 8-hour
 * read rule applies to such a vehicle while it has no virtual key).
 *
 * @param mode {@code live} or {@code simulated}
 * @param connectedAt when the vehicle was added to the simulator
 * @param streamingCapable the vehicle streams (Tesla Fleet Telemetry capable)
 */
public record Connection(
    String vehicleId, String userId, String mode, Instant connectedAt, boolean streamingCapable) {

  public Connection {
    Objects.requireNonNull(vehicleId, "vehicleId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(connectedAt, "connectedAt");
    mode = mode == null ? "live" : mode.toLowerCase(Locale.ROOT);
    if (!mode.equals("live") && !mode.equals("simulated")) {
      throw new IllegalArgumentException("mode must be live or simulated, not " + mode);
    }
  }
}
