package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.VehicleEvent;

/**
 * What the confirmation processor reads, from three topics keyed by vehicle id and merged into one
 * stream (so one task sees a vehicle's requests, results and readings, with one store).
 */
sealed interface ConfirmationInput {

  /** A command request: SET_CHARGE_LIMIT's percent is needed to judge the limit. */
  record Request(CommandRequest value) implements ConfirmationInput {}

  /** A final command result. */
  record Result(CommandResult value) implements ConfirmationInput {}

  /** A distinct vehicle event (readings). */
  record Event(VehicleEvent value) implements ConfirmationInput {}
}
