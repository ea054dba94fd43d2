package io.smartcarpipeline.smartcar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.smartcar.auth.TokenRequestException;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartcarErrorClassifierTest {

  // the dispatcher's six commands, as its CommandSafety describes them to the classifier
  private static final CallKind LOCK = CallKind.command("LOCK", true);
  private static final CallKind UNLOCK = CallKind.command("UNLOCK", false);
  private static final CallKind START_CHARGING =
      CallKind.command("START_CHARGING", false, "CHARGING_IN_PROGRESS");
  private static final CallKind STOP_CHARGING =
      CallKind.command("STOP_CHARGING", true, "NOT_CHARGING");
  private static final CallKind SET_CHARGE_LIMIT = CallKind.command("SET_CHARGE_LIMIT", true);
  private static final CallKind SET_DESTINATION = CallKind.command("SET_DESTINATION", true);
  private static final Map<String, CallKind> COMMANDS =
      Map.of(
          "LOCK", LOCK,
          "UNLOCK", UNLOCK,
          "START_CHARGING", START_CHARGING,
          "STOP_CHARGING", STOP_CHARGING,
          "SET_CHARGE_LIMIT", SET_CHARGE_LIMIT,
          "SET_DESTINATION", SET_DESTINATION);

  private final SmartcarErrorClassifier classifier = new SmartcarErrorClassifier();

  /** One row per error type and code of docs/smartcar-v3.md §5.2. */
  @ParameterizedTest(name = "{0}:{1} on {3} -> {4} {5}")
  @CsvSource({
    "AUTHENTICATION,,401,LOCK,REAUTHENTICATE,IMMEDIATE",
    "PERMISSION,,403,LOCK,PERMANENT,NONE",
    "VALIDATION,,400,SET_CHARGE_LIMIT,PERMANENT,NONE",
    "VALIDATION,PARAMETER,400,SET_CHARGE_LIMIT,PERMANENT,NONE",
    "VALIDATION,INVALID_INPUT_FORMAT,400,SET_DESTINATION,PERMANENT,NONE",
    "RESOURCE_NOT_FOUND,PATH,404,LOCK,PERMANENT,NONE",
    "RESOURCE_NOT_FOUND,VERSION,404,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,ACCOUNT_ISSUE,400,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,AUTHENTICATION_FAILED,400,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,NO_VEHICLES,400,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,PERMISSION,400,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,SUBSCRIPTION,400,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,VEHICLE_MISSING,400,LOCK,PERMANENT,NONE",
    "CONNECTED_SERVICES_ACCOUNT,VIRTUAL_KEY_REQUIRED,400,UNLOCK,PERMANENT,NONE",
    "VEHICLE_STATE,ASLEEP,409,LOCK,RETRYABLE,VEHICLE",
    "VEHICLE_STATE,UNREACHABLE,409,LOCK,RETRYABLE,VEHICLE",
    "VEHICLE_STATE,VEHICLE_OFFLINE_FOR_SERVICE,409,LOCK,RETRYABLE,VEHICLE",
    "VEHICLE_STATE,CHARGING_IN_PROGRESS,409,START_CHARGING,ALREADY_DONE,NONE",
    "VEHICLE_STATE,CHARGING_IN_PROGRESS,409,SET_CHARGE_LIMIT,PERMANENT,NONE",
    "VEHICLE_STATE,NOT_CHARGING,409,STOP_CHARGING,ALREADY_DONE,NONE",
    "VEHICLE_STATE,NOT_CHARGING,409,START_CHARGING,PERMANENT,NONE",
    "VEHICLE_STATE,FULLY_CHARGED,409,START_CHARGING,ALREADY_DONE,NONE",
    "VEHICLE_STATE,CHARGING_PLUG_NOT_CONNECTED,409,START_CHARGING,PERMANENT,NONE",
    "VEHICLE_STATE,DOOR_OPEN,409,LOCK,PERMANENT,NONE",
    "VEHICLE_STATE,TRUNK_OPEN,409,LOCK,PERMANENT,NONE",
    "VEHICLE_STATE,HOOD_OPEN,409,LOCK,PERMANENT,NONE",
    "VEHICLE_STATE,IN_MOTION,409,UNLOCK,PERMANENT,NONE",
    "VEHICLE_STATE,IGNITION_ON,409,UNLOCK,PERMANENT,NONE",
    "VEHICLE_STATE,CHARGE_FAULT,409,START_CHARGING,PERMANENT,NONE",
    "VEHICLE_STATE,REMOTE_ACCESS_DISABLED,409,LOCK,PERMANENT,NONE",
    "VEHICLE_STATE,UNKNOWN,409,LOCK,RETRYABLE,TRANSIENT",
    "RATE_LIMIT,SMARTCAR_API,429,LOCK,RETRYABLE,TRANSIENT",
    "RATE_LIMIT,VEHICLE,429,LOCK,RETRYABLE,TRANSIENT",
    "BILLING,INVALID_PLAN,430,LOCK,PERMANENT,NONE",
    "BILLING,VEHICLE_LIMIT,430,LOCK,PERMANENT,NONE",
    "BILLING,VEHICLE_REQUEST_LIMIT,430,LOCK,PERMANENT,NONE",
    "BILLING,ACCOUNT_SUSPENDED,430,LOCK,PERMANENT,NONE",
    "SERVER,INTERNAL,500,UNLOCK,RETRYABLE,TRANSIENT",
    "SERVER,RECORD_NOT_FOUND,500,LOCK,PERMANENT,NONE",
    "SERVER,MULTIPLE_RECORDS_FOUND,500,LOCK,PERMANENT,NONE",
    "COMPATIBILITY,MAKE_NOT_COMPATIBLE,501,LOCK,PERMANENT,NONE",
    "COMPATIBILITY,SMARTCAR_NOT_CAPABLE,501,LOCK,PERMANENT,NONE",
    "COMPATIBILITY,VEHICLE_NOT_CAPABLE,501,LOCK,PERMANENT,NONE",
    "COMPATIBILITY,PLATFORM_NOT_CAPABLE,501,LOCK,PERMANENT,NONE",
    "UPSTREAM,INVALID_DATA,502,LOCK,RETRYABLE,TRANSIENT",
    "UPSTREAM,KNOWN_ISSUE,502,LOCK,RETRYABLE,TRANSIENT",
    "UPSTREAM,NO_RESPONSE,502,LOCK,RETRYABLE,TRANSIENT",
    "UPSTREAM,UNKNOWN_ISSUE,502,LOCK,RETRYABLE,TRANSIENT",
    "UPSTREAM,RATE_LIMIT,502,LOCK,RETRYABLE,VEHICLE",
  })
  void shouldClassifyEveryDocumentedErrorTypeAndCode(
      String type, String code, int status, String command, Verdict verdict, Schedule schedule) {
    // given an error answer of that type and code
    ApiResponse response = ApiResponse.error(status, type, code);

    // when
    Classification c = classifier.classify(response, COMMANDS.get(command));

    // then
    assertThat(c.verdict()).isEqualTo(verdict);
    assertThat(c.schedule()).isEqualTo(schedule);
    assertThat(c.reason()).isNotBlank();
  }

  @Test
  void shouldTellTheOwnerToAddTheVirtualKey() {
    Classification c =
        classifier.classify(
            ApiResponse.error(400, "CONNECTED_SERVICES_ACCOUNT", "VIRTUAL_KEY_REQUIRED"), UNLOCK);

    assertThat(c.verdict()).isEqualTo(Verdict.PERMANENT);
    assertThat(c.reason()).contains("virtual key");
  }

  @Test
  void shouldAllowOnlyOneRetryForUnknownVehicleState() {
    Classification c =
        classifier.classify(ApiResponse.error(409, "VEHICLE_STATE", "UNKNOWN"), LOCK);

    assertThat(c.attemptLimit()).isEqualTo(2);
  }

  @Test
  void shouldWaitRetryAfterOnRateLimits() {
    ApiResponse r =
        ApiResponse.error(429, "RATE_LIMIT", "VEHICLE").withRetryAfter(Duration.ofSeconds(7));

    Classification c = classifier.classify(r, LOCK);

    assertThat(c.schedule()).isEqualTo(Schedule.RETRY_AFTER);
    assertThat(c.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.appWide()).isFalse();
  }

  @Test
  void shouldHoldTheWholeAppOnTheAppWideRateLimit() {
    Classification c =
        classifier.classify(ApiResponse.error(429, "RATE_LIMIT", "SMARTCAR_API"), LOCK);

    assertThat(c.appWide()).isTrue();
  }

  @Test
  void shouldSucceedOnlyFromTheBodyStatus() {
    assertThat(classifier.classify(ApiResponse.success(200, "exec_1"), UNLOCK).verdict())
        .isEqualTo(Verdict.SUCCESS);
    ApiResponse emptyOk = new ApiResponse(200, null, null, null, null, null, null, null, null);
    assertThat(classifier.classify(emptyOk, UNLOCK).verdict()).isEqualTo(Verdict.PERMANENT);
    assertThat(classifier.classify(emptyOk, UNLOCK).outcomeUnknown()).isTrue();
  }

  @Test
  void shouldFailAReportedFailureStatusEvenWithHttp200() {
    ApiResponse failure =
        new ApiResponse(200, "FAILURE", "exec_2", null, null, null, null, null, null);

    assertThat(classifier.classify(failure, LOCK).verdict()).isEqualTo(Verdict.PERMANENT);
  }

  @Test
  void shouldNotResendUnlockOrStartAfterAGatewayTimeout() {
    ApiResponse gateway = new ApiResponse(504, null, null, null, null, null, null, null, null);

    Classification unlock = classifier.classify(gateway, UNLOCK);
    Classification start = classifier.classify(gateway, START_CHARGING);
    Classification lock = classifier.classify(gateway, LOCK);

    assertThat(unlock.verdict()).isEqualTo(Verdict.PERMANENT);
    assertThat(unlock.outcomeUnknown()).isTrue();
    assertThat(start.outcomeUnknown()).isTrue();
    assertThat(lock.verdict()).isEqualTo(Verdict.RETRYABLE);
  }

  @Test
  void shouldNotResendUnlockAfterAReadTimeoutButRetryAfterAFailedConnect() {
    Classification timeout =
        classifier.classify(
            new TransportFailure(TransportFailure.Kind.TIMEOUT, "read timeout"), UNLOCK);
    Classification dropped =
        classifier.classify(
            new TransportFailure(TransportFailure.Kind.CONNECTION_CLOSED, "closed"),
            START_CHARGING);
    Classification refused =
        classifier.classify(
            new TransportFailure(TransportFailure.Kind.CONNECT_FAILED, "refused"), UNLOCK);

    assertThat(timeout.outcomeUnknown()).isTrue();
    assertThat(dropped.outcomeUnknown()).isTrue();
    assertThat(refused.verdict()).isEqualTo(Verdict.RETRYABLE);
    assertThat(refused.brokenService()).isTrue();
  }

  @Test
  void shouldFallBackOnTheHttpStatusWhenTheBodyHasNoErrorType() {
    ApiResponse plain503 = new ApiResponse(503, null, null, null, null, null, null, null, null);
    ApiResponse plain418 = new ApiResponse(418, null, null, null, null, null, null, null, null);
    ApiResponse oauth401 =
        new ApiResponse(401, null, null, "OAUTH", "invalid_token", null, null, null, null);

    assertThat(classifier.classify(plain503, LOCK).verdict()).isEqualTo(Verdict.RETRYABLE);
    assertThat(classifier.classify(plain418, LOCK).verdict()).isEqualTo(Verdict.PERMANENT);
    assertThat(classifier.classify(oauth401, LOCK).verdict()).isEqualTo(Verdict.REAUTHENTICATE);
  }

  @Test
  void shouldFailOnRefusedCredentialsButRetryAnUnreachableTokenEndpoint() {
    Classification refused =
        classifier.classifyTokenFailure(
            new TokenRequestException(401, "invalid_client", "no", null));
    Classification down =
        classifier.classifyTokenFailure(
            new TokenRequestException(0, null, "connection refused", null));

    assertThat(refused.verdict()).isEqualTo(Verdict.PERMANENT);
    assertThat(refused.reason()).contains("SMARTCAR_CLIENT_SECRET");
    assertThat(down.verdict()).isEqualTo(Verdict.RETRYABLE);
  }

  @Test
  void shouldTakeA2xxAsSuccessForAReadButNotForACommand() {
    CallKind read = CallKind.read("signals");
    ApiResponse ok = new ApiResponse(200, null, null, null, null, null, null, null, null);
    ApiResponse gateway = new ApiResponse(504, null, null, null, null, null, null, null, null);

    assertThat(classifier.classify(ok, read).verdict()).isEqualTo(Verdict.SUCCESS);
    assertThat(classifier.classify(ok, UNLOCK).verdict()).isEqualTo(Verdict.PERMANENT);
    assertThat(classifier.classify(gateway, read).verdict()).isEqualTo(Verdict.RETRYABLE);
    assertThat(
            classifier.classify(ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP"), read).verdict())
        .isEqualTo(Verdict.RETRYABLE);
  }

  @Test
  void managementCallsTreatTheirDoneStatusAsAlreadyDoneAndOnlyThose() {
    CallKind subscribe = CallKind.management("subscribe", 409);
    CallKind unsubscribe = CallKind.management("unsubscribe", 404);

    assertThat(classifier.classify(ApiResponse.error(409, "CONFLICT", null), subscribe).verdict())
        .isEqualTo(Verdict.ALREADY_DONE);
    assertThat(
            classifier
                .classify(ApiResponse.error(404, "RESOURCE_NOT_FOUND", null), unsubscribe)
                .verdict())
        .isEqualTo(Verdict.ALREADY_DONE);
    // a 404 on subscribe is a real failure, and a 2xx is plain success
    assertThat(
            classifier
                .classify(ApiResponse.error(404, "RESOURCE_NOT_FOUND", null), subscribe)
                .verdict())
        .isEqualTo(Verdict.PERMANENT);
    assertThat(classifier.classify(ApiResponse.error(202, null, null), subscribe).verdict())
        .isEqualTo(Verdict.SUCCESS);
    // reads keep their meaning: 409 is not "done" for a read
    assertThat(
            classifier
                .classify(ApiResponse.error(409, "VEHICLE_STATE", "UNKNOWN"), CallKind.read("x"))
                .verdict())
        .isEqualTo(Verdict.RETRYABLE);
  }
}
