package io.smartcarpipeline.smartcar.errors;

import io.smartcarpipeline.smartcar.auth.TokenRequestException;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one place that decides what a Smartcar answer means (docs/smartcar-v3.md §5.2): every
 * response and every transport failure maps to SUCCESS / ALREADY_DONE / RETRYABLE / PERMANENT /
 * REAUTHENTICATE, with a reason and the backoff schedule. The outcome is read from the body, never
 * from the status line alone; an error type the table does not know falls back on the HTTP status.
 * A call whose outcome is unknown (timeout, 504, dropped connection, PENDING) is retried only when
 * the caller's {@link CallKind} says repeating it is harmless. Every service that calls Smartcar
 * decides retryability here and nowhere else.
 */
public final class SmartcarErrorClassifier {

  /** The message of a VIRTUAL_KEY_REQUIRED failure: what the owner has to do. */
  public static final String VIRTUAL_KEY_MESSAGE =
      "The vehicle owner must add this application's virtual key to the car (from a phone that"
          + " already is a key for it, see Settings > Locks) before it accepts commands.";

  private final Consumer<ApiOutcome> observer;

  /** A classifier that tells nobody what it saw. */
  public SmartcarErrorClassifier() {
    this(outcome -> {});
  }

  /**
   * @param observer shown every outcome before it is classified, for metrics (e.g. {@code
   *     metrics.SmartcarApiErrors}); must not throw
   */
  public SmartcarErrorClassifier(Consumer<ApiOutcome> observer) {
    this.observer = observer;
  }

  /** Classifies the outcome of one call of the kind {@code type}. */
  public Classification classify(ApiOutcome outcome, CallKind type) {
    observer.accept(outcome);
    if (outcome instanceof TransportFailure failure) {
      return transport(failure, type);
    }
    return response((ApiResponse) outcome, type);
  }

  /**
   * Classifies a failure to get an app token: IAM unreachable or 5xx is retryable; a refusal of the
   * client credentials is permanent (no call can succeed until the configuration is fixed).
   */
  public Classification classifyTokenFailure(Throwable failure) {
    if (failure instanceof TokenRequestException e && !e.retryable()) {
      return Classification.permanent(
          "Smartcar IAM refused the client credentials ("
              + e.errorCode()
              + "): check SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET");
    }
    return Classification.retry(
        "could not get an app token: " + failure.getMessage(), Schedule.TRANSIENT, true);
  }

  private Classification transport(TransportFailure failure, CallKind type) {
    if (!failure.maybeSent()) {
      return Classification.retry(
          "connection to Smartcar failed: " + failure.message(), Schedule.TRANSIENT, true);
    }
    return ambiguous("no answer from Smartcar (" + failure.kind() + ")", type, true);
  }

  private Classification response(ApiResponse r, CallKind type) {
    if (type.doneBy(r.httpStatus())) {
      return Classification.alreadyDone("HTTP " + r.httpStatus() + ": " + type + " already done");
    }
    String status = upper(r.statusValue());
    if (status != null && r.errorType() == null) {
      return switch (status) {
        case "SUCCESS" -> Classification.success("command executed");
        case "PENDING" -> ambiguous("Smartcar still reports the command PENDING", type, false);
        default -> Classification.permanent("Smartcar reports the command " + status);
      };
    }
    String errorType = upper(r.errorType());
    if (errorType == null || "OAUTH".equals(errorType)) {
      return byStatus(r, type);
    }
    String code = upper(r.errorCode());
    Classification c =
        switch (errorType) {
          case "AUTHENTICATION" -> Classification.reauthenticate("the app token was refused");
          case "PERMISSION" ->
              Classification.permanent("permission refused: the user must reconnect the vehicle");
          case "VALIDATION" -> Classification.permanent("Smartcar rejected the request as invalid");
          case "RESOURCE_NOT_FOUND" ->
              Classification.permanent("not found: unknown or unsubscribed vehicle or path");
          case "CONNECTED_SERVICES_ACCOUNT" -> connectedServicesAccount(code);
          case "VEHICLE_STATE" -> vehicleState(code, type);
          case "RATE_LIMIT" -> rateLimit(code, r);
          case "BILLING" -> Classification.permanent("billing: plan or account action needed");
          case "SERVER" -> server(code);
          case "COMPATIBILITY" ->
              Classification.permanent("the vehicle or make does not support this command");
          case "UPSTREAM" -> upstream(code);
          default -> byStatus(r, type);
        };
    return r.retryAfter() != null ? c.withRetryAfter(r.retryAfter()) : c;
  }

  private static Classification connectedServicesAccount(String code) {
    if ("VIRTUAL_KEY_REQUIRED".equals(code)) {
      return Classification.permanent(VIRTUAL_KEY_MESSAGE);
    }
    return Classification.permanent(
        "the user must fix the connected-services account (" + code + ")");
  }

  private static Classification vehicleState(String code, CallKind type) {
    if (code == null) {
      return Classification.permanent("vehicle state does not allow the command");
    }
    return switch (code) {
      case "ASLEEP", "UNREACHABLE", "VEHICLE_OFFLINE_FOR_SERVICE" ->
          Classification.retry(
              "vehicle is " + code.toLowerCase(Locale.ROOT), Schedule.VEHICLE, false);
      case "CHARGING_IN_PROGRESS" ->
          type.reached(code)
              ? Classification.alreadyDone("already charging")
              : Classification.permanent("vehicle is charging");
      case "NOT_CHARGING" ->
          type.reached(code)
              ? Classification.alreadyDone("already not charging")
              : Classification.permanent("vehicle is not charging");
      case "FULLY_CHARGED" ->
          type.reached(code)
              ? Classification.alreadyDone("battery already fully charged")
              : Classification.permanent(
                  "vehicle reports FULLY_CHARGED, which says nothing about " + type);
      case "UNKNOWN" ->
          Classification.retry("vehicle state unknown", Schedule.TRANSIENT, false)
              .withAttemptLimit(2);
      default ->
          Classification.permanent(
              "vehicle state does not allow the command (" + code + "); retry after it changes");
    };
  }

  private static Classification rateLimit(String code, ApiResponse r) {
    Schedule schedule = r.retryAfter() != null ? Schedule.RETRY_AFTER : Schedule.TRANSIENT;
    if ("VEHICLE".equals(code)) {
      return Classification.retry("per-vehicle rate limit", schedule, false);
    }
    return Classification.retry("app-wide rate limit", schedule, false).asAppWide();
  }

  private static Classification server(String code) {
    if ("RECORD_NOT_FOUND".equals(code) || "MULTIPLE_RECORDS_FOUND".equals(code)) {
      return Classification.permanent("Smartcar server error " + code + ": contact support");
    }
    return Classification.retry("Smartcar server error", Schedule.TRANSIENT, true);
  }

  private static Classification upstream(String code) {
    if ("RATE_LIMIT".equals(code)) {
      return Classification.permanent(
          "the vehicle manufacturer rate-limited this vehicle (UPSTREAM:RATE_LIMIT): do not call it"
              + " again automatically; wait a long time (hours) before a new command");
    }
    return Classification.retry(
        "the OEM did not answer properly (" + code + ")", Schedule.TRANSIENT, true);
  }

  /** No usable error type: decide on the status code. */
  private static Classification byStatus(ApiResponse r, CallKind type) {
    int s = r.httpStatus();
    if (s == 401) {
      return Classification.reauthenticate("HTTP 401");
    }
    if (s == 429) {
      return rateLimit(null, r).withRetryAfter(r.retryAfter());
    }
    if (s == 504) {
      return ambiguous("gateway timeout (504)", type, true);
    }
    if (s >= 500) {
      return Classification.retry("HTTP " + s, Schedule.TRANSIENT, true);
    }
    if (s >= 200 && s < 300) {
      if (!type.judgedByBody()) {
        return Classification.success("HTTP " + s);
      }
      return ambiguous("HTTP " + s + " without a readable command status", type, false);
    }
    return Classification.permanent("HTTP " + s);
  }

  /** The command may have run: retry only if repeating it is harmless. */
  private static Classification ambiguous(String reason, CallKind type, boolean broken) {
    if (type.safeToRepeat()) {
      return Classification.retry(reason, Schedule.TRANSIENT, broken);
    }
    return Classification.outcomeUnknown(
        reason + "; " + type + " is not safe to send again, the outcome is unknown", broken);
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
