package io.smartcarpipeline.dispatcher.idempotency;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * JSON form of a {@link LedgerEntry} on the internal ledger topic. The reader is tolerant: a field
 * it does not know is ignored and a missing optional field reads as its default, so entries written
 * by an older or newer dispatcher still load.
 */
public final class LedgerCodec {

  private LedgerCodec() {}

  public static String encode(LedgerEntry e) {
    JsonObject json =
        new JsonObject()
            .put("commandId", e.commandId())
            .put("fingerprint", e.fingerprint())
            .put("phase", e.phase().name())
            .put("attempts", e.attempts())
            .put("firstAttemptAt", millis(e.firstAttemptAt()));
    if (e.attemptAt() != null) {
      json.put("attemptAt", millis(e.attemptAt()));
    }
    if (e.result() != null) {
      json.put("result", encodeResult(e.result()));
    }
    return json.encode();
  }

  public static LedgerEntry decode(String text) {
    JsonObject json = new JsonObject(text);
    JsonObject result = json.getJsonObject("result");
    return new LedgerEntry(
        json.getString("commandId"),
        json.getString("fingerprint"),
        LedgerEntry.Phase.valueOf(json.getString("phase")),
        json.getInteger("attempts", 0),
        instant(json.getLong("firstAttemptAt")),
        result == null ? null : decodeResult(result),
        instant(json.getLong("attemptAt")));
  }

  public static JsonObject encodeResult(CommandResult r) {
    return new JsonObject()
        .put("commandId", r.getCommandId())
        .put("vehicleId", r.getVehicleId())
        .put("userId", r.getUserId())
        .put("type", r.getType().name())
        .put("status", r.getStatus().name())
        .put("attempts", r.getAttempts())
        .put("alreadyInState", r.getAlreadyInState())
        .put("outcomeUnknown", r.getOutcomeUnknown())
        .put("errorType", r.getErrorType())
        .put("errorCode", r.getErrorCode())
        .put("message", r.getMessage())
        .put("suggestedUserMessage", r.getSuggestedUserMessage())
        .put("requestId", r.getRequestId())
        .put("executionId", r.getExecutionId())
        .put("requestedAt", millis(r.getRequestedAt()))
        .put("firstAttemptAt", millis(r.getFirstAttemptAt()))
        .put("completedAt", millis(r.getCompletedAt()))
        .put("lastAttemptMillis", r.getLastAttemptMillis());
  }

  public static CommandResult decodeResult(JsonObject j) {
    return CommandResult.newBuilder()
        .setCommandId(j.getString("commandId"))
        .setVehicleId(j.getString("vehicleId"))
        .setUserId(j.getString("userId"))
        .setType(CommandType.valueOf(j.getString("type")))
        .setStatus(CommandStatus.valueOf(j.getString("status")))
        .setAttempts(j.getInteger("attempts", 0))
        .setAlreadyInState(j.getBoolean("alreadyInState", false))
        .setOutcomeUnknown(j.getBoolean("outcomeUnknown", false))
        .setErrorType(j.getString("errorType"))
        .setErrorCode(j.getString("errorCode"))
        .setMessage(j.getString("message"))
        .setSuggestedUserMessage(j.getString("suggestedUserMessage"))
        .setRequestId(j.getString("requestId"))
        .setExecutionId(j.getString("executionId"))
        .setRequestedAt(instant(j.getLong("requestedAt", 0L)))
        .setFirstAttemptAt(instant(j.getLong("firstAttemptAt")))
        .setCompletedAt(instant(j.getLong("completedAt", 0L)))
        .setLastAttemptMillis(j.getLong("lastAttemptMillis"))
        .build();
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
