package io.smartcarpipeline.dispatcher.compatibility;

import io.smartcarpipeline.events.CommandRequest;

/**
 * Whether a command may be sent as far as the vehicle's compatibility is known. The dispatcher asks
 * before any call; a refusal becomes a {@code REJECTED} result with {@link #COMMAND_NOT_SUPPORTED}.
 */
@FunctionalInterface
public interface CommandSupport {

  /** errorCode of a command the vehicle is known not to support. */
  String COMMAND_NOT_SUPPORTED = "COMMAND_NOT_SUPPORTED";

  /** Null when the command may be sent, else why not (what to check, for whom). */
  String refusal(CommandRequest request);

  /** Knows nothing, so refuses nothing. */
  static CommandSupport unknown() {
    return request -> null;
  }
}
