package io.smartcarpipeline.dispatcher.dispatch;

import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import java.time.Instant;

/** Builds the one {@link CommandResult} of a command from its request and its run. */
final class ResultFactory {

  /** errorCode of a request that reuses a commandId with other parameters. */
  static final String DUPLICATE_COMMAND_ID = "DUPLICATE_COMMAND_ID";

  /** errorCode of a request that cannot be sent as it is. */
  static final String INVALID_COMMAND = "INVALID_COMMAND";

  private ResultFactory() {}

  /** Never sent: invalid, or a conflicting duplicate. */
  static CommandResult rejected(CommandRequest r, String code, String message, Instant now) {
    return base(r, CommandStatus.REJECTED, now).setErrorCode(code).setMessage(message).build();
  }

  /** The end of a run. */
  static CommandResult finished(
      CommandRun run,
      CommandStatus status,
      boolean alreadyInState,
      boolean outcomeUnknown,
      String message,
      Instant now) {
    CommandResult.Builder b =
        base(run.request, status, now)
            .setAttempts(run.attempts)
            .setAlreadyInState(alreadyInState)
            .setOutcomeUnknown(outcomeUnknown)
            .setMessage(message)
            .setFirstAttemptAt(run.firstAttemptAt)
            .setLastAttemptMillis(run.lastAttemptMillis)
            .setRequestId(run.lastRequestId)
            .setStateReads(run.stateReads)
            .setStateEvidence(run.stateEvidence);
    ApiResponse last = run.lastResponse;
    if (last != null) {
      b.setExecutionId(last.executionId()).setSuggestedUserMessage(last.suggestedUserMessage());
      if (status != CommandStatus.SUCCEEDED) {
        b.setErrorType(last.errorType()).setErrorCode(last.errorCode());
      }
    }
    return b.build();
  }

  private static CommandResult.Builder base(CommandRequest r, CommandStatus status, Instant now) {
    return CommandResult.newBuilder()
        .setCommandId(r.getCommandId())
        .setVehicleId(r.getVehicleId())
        .setUserId(r.getUserId())
        .setType(r.getType())
        .setStatus(status)
        .setAttempts(0)
        .setRequestedAt(r.getRequestedAt())
        .setCompletedAt(now);
  }

  /** The message of an "already in the wanted state" answer, with Smartcar's code. */
  static String alreadyMessage(CommandRun run, Classification c) {
    String code = run.lastResponse == null ? null : run.lastResponse.errorCode();
    return c.reason() + (code == null ? "" : " (" + code + ")");
  }

  /** The message of a failure: the reason, why retries ended, and Smartcar's description. */
  static String failure(CommandRun run, Classification c, String giveUp) {
    StringBuilder sb = new StringBuilder(c.reason());
    if (giveUp != null) {
      sb.append("; ").append(giveUp);
    }
    if (run.lastResponse != null && run.lastResponse.description() != null) {
      sb.append(sb.charAt(sb.length() - 1) == '.' ? " " : ". ");
      sb.append("Smartcar: ").append(run.lastResponse.description());
    }
    return sb.toString();
  }
}
