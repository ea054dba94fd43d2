package io.smartcarpipeline.dispatcher.verify;

import io.smartcarpipeline.events.CommandRequest;
import io.vertx.core.Future;

/**
 * Reads a vehicle's current signals after an ambiguous answer, before the dispatcher decides
 * whether a command took effect. Kept this small on purpose: a general signals client in
 * smartcar-client can implement it later. The future always succeeds; a failed read is {@link
 * StateReading#unavailable}.
 */
@FunctionalInterface
public interface VehicleStateReader {

  Future<StateReading> read(CommandRequest request, String bearerToken);
}
