package io.smartcarpipeline.sim.vehicle;

import io.smartcarpipeline.sim.SmartcarError;
import java.util.Objects;

/**
 * What a simulated vehicle did with a command: executed (then {@code error} is null) or refused
 * with a Smartcar error.
 */
public record CommandOutcome(SmartcarError error) {

  private static final CommandOutcome EXECUTED = new CommandOutcome(null);

  /** The command was carried out. */
  public static CommandOutcome executed() {
    return EXECUTED;
  }

  /** The vehicle refused the command. */
  public static CommandOutcome refused(SmartcarError error) {
    return new CommandOutcome(Objects.requireNonNull(error, "error"));
  }

  /** True when the command was carried out. */
  public boolean succeeded() {
    return error == null;
  }
}
