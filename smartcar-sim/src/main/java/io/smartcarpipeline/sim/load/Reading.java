package io.smartcarpipeline.sim.load;

/**
 * One vehicle's readings at one moment, the input of a generated webhook.
 *
 * @param oemUpdatedAt source time of every signal (epoch ms)
 * @param powerKw charging power, 0 when not charging
 */
public record Reading(
    String vehicleId,
    String userId,
    long oemUpdatedAt,
    int soc,
    double odometerKm,
    boolean plugged,
    boolean charging,
    double powerKw,
    double latitude,
    double longitude,
    boolean locked) {}
