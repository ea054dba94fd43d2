package io.smartcarpipeline.sim.fleet;

import java.time.Instant;

/**
 * What the simulation really delivered in one charging session: one plug-in during which the car
 * charged (pauses included), as the pipeline's session rules define it. The energy is exact (the
 * model's counter before rounding), the truth for the end-to-end 2 % check.
 *
 * @param number 1, 2, … per vehicle
 * @param chargingStartedAt simulated time of the first report saying charging (the pipeline's
 *     {@code startedAt})
 * @param endedAt unplug time; {@code null} while the session is open
 * @param startSoc state of charge when charging started, percent
 * @param endSoc state of charge now or at unplug, percent
 * @param energyKwh energy put into the battery (= (endSoc − startSoc) × capacity / 100)
 * @param estimated the car reports no energy counter: the pipeline estimates from SoC × capacity
 * @param status {@code ACTIVE} or {@code COMPLETED}
 * @param endReason {@code FULLY_CHARGED} or {@code UNPLUGGED} once completed, else {@code null}
 */
public record ChargingSessionTruth(
    String vehicleId,
    int number,
    Instant pluggedInAt,
    Instant chargingStartedAt,
    Instant endedAt,
    double startSoc,
    double endSoc,
    double energyKwh,
    boolean fastCharger,
    boolean atHome,
    boolean estimated,
    String status,
    String endReason) {}
