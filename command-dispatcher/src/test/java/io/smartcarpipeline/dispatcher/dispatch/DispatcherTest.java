package io.smartcarpipeline.dispatcher.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smartcarpipeline.dispatcher.idempotency.Fingerprint;
import io.smartcarpipeline.dispatcher.idempotency.IdempotencyLedger;
import io.smartcarpipeline.dispatcher.idempotency.LedgerEntry;
import io.smartcarpipeline.dispatcher.metrics.CommandTimeline;
import io.smartcarpipeline.dispatcher.metrics.DispatcherMetrics;
import io.smartcarpipeline.dispatcher.retry.RetryPolicy;
import io.smartcarpipeline.dispatcher.verify.SignalReading;
import io.smartcarpipeline.dispatcher.verify.StateReading;
import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.budget.TokenBucket;
import io.smartcarpipeline.smartcar.budget.VehicleSpacing;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dispatcher's rules with a scripted Smartcar, a hand-moved clock and instant timers. */
class DispatcherTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration STATE_READ_DELAY = Duration.ofSeconds(5);
  private static final Duration OEM_HOLD = Duration.ofHours(6);

  private final MutableClock clock = new MutableClock(T0);
  private final Deque<ApiOutcome> script = new ArrayDeque<>();
  private final List<String> events = new ArrayList<>();
  private final List<Duration> waits = new ArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final Deque<StateReading> readings = new ArrayDeque<>();
  private final AtomicInteger markerFailures = new AtomicInteger();
  private final IdempotencyLedger ledger =
      new IdempotencyLedger(
          (e, partition) -> {
            if (markerFailures.getAndDecrement() > 0) {
              events.add("marker-failed:" + e.commandId());
              return Future.failedFuture(new IllegalStateException("broker away"));
            }
            events.add("marker:" + e.commandId() + ":" + e.attempts());
            return Future.succeededFuture();
          });
  private final Dispatcher dispatcher = dispatcher();

  private Dispatcher dispatcher() {
    TokenProvider tokens =
        new TokenProvider(
            () ->
                Future.succeededFuture(
                    AccessToken.issued(
                        "token-" + tokenRequests.incrementAndGet(),
                        clock.instant(),
                        Duration.ofHours(1))),
            clock,
            Duration.ofMinutes(5),
            ok -> {});
    Timers timers =
        delay -> {
          waits.add(delay);
          clock.advance(delay);
          return Future.succeededFuture();
        };
    Budgets budgets =
        new Budgets(
            clock,
            new TokenBucket(clock, 1000, 1000),
            new VehicleSpacing(clock, Duration.ZERO),
            new CircuitBreaker(clock, 100, 100, 1.0, Duration.ofSeconds(1), s -> {}),
            Duration.ofMinutes(1));
    RetryPolicy policy = RetryPolicy.builder().clock(clock).random(new Random(1)).build();
    DispatcherMetrics metrics = new DispatcherMetrics(new SimpleMeterRegistry());
    CommandExecutor executor =
        new CommandExecutor(
            tokens,
            (request, token) -> {
              events.add("send:" + request.getCommandId() + ":" + token);
              return Future.succeededFuture(
                  script.isEmpty() ? ApiResponse.success(200, "exec") : script.poll());
            },
            new SmartcarErrorClassifier(),
            policy,
            budgets,
            ledger,
            timers,
            metrics,
            () -> true,
            (request, token) -> {
              events.add("read:" + request.getCommandId());
              return Future.succeededFuture(
                  readings.isEmpty()
                      ? StateReading.unavailable("nothing scripted")
                      : readings.poll());
            },
            STATE_READ_DELAY,
            OEM_HOLD);
    return new Dispatcher(ledger, executor, clock, Duration.ofMinutes(10), metrics);
  }

  private static CommandRequest command(String id, CommandType type, Integer percent) {
    return CommandRequest.newBuilder()
        .setCommandId(id)
        .setVehicleId("veh-1")
        .setUserId("user-1")
        .setType(type)
        .setParameters(new CommandParameters(percent, null, null))
        .setRequestedAt(T0)
        .setExpiresAt(null)
        .build();
  }

  private DispatchOutcome run(CommandRequest r) {
    return dispatcher.dispatch(r).result();
  }

  private long sends() {
    return events.stream().filter(e -> e.startsWith("send:")).count();
  }

  @Test
  void shouldTimeTheQueueTheAckedMarkerAndEachCallOfACommand() {
    script.add(ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP")); // one retry
    CommandTimeline timeline =
        CommandTimeline.polled((phase, nanos) -> events.add("phase:" + phase), () -> events.size());

    DispatchOutcome outcome =
        dispatcher.dispatch(command("c1", CommandType.SET_CHARGE_LIMIT, 80), 0, timeline).result();

    assertThat(outcome.result().getAttempts()).isEqualTo(2);
    assertThat(events)
        .containsExactly(
            "phase:QUEUED",
            "marker:c1:1",
            "phase:MARKER",
            "send:c1:token-1",
            "phase:CALL",
            "marker:c1:2",
            "phase:MARKER",
            "send:c1:token-1",
            "phase:CALL");
  }

  @Test
  void shouldNeitherCallNorPublishAgainForACopyOfAFinishedCommand() {
    DispatchOutcome first = run(command("c1", CommandType.SET_CHARGE_LIMIT, 80));
    DispatchOutcome again = run(command("c1", CommandType.SET_CHARGE_LIMIT, 80));

    assertThat(sends()).isEqualTo(1);
    assertThat(first.result()).isNotNull();
    assertThat(first.ledgerEntry()).isNotNull();
    // the one result went out with its FINAL ledger entry: a copy only moves the offset
    assertThat(again.writesNothing()).isTrue();
  }

  @Test
  void shouldDeadLetterACommandIdReusedWithOtherParametersInsteadOfASecondResult() {
    run(command("c1", CommandType.SET_CHARGE_LIMIT, 80));

    DispatchOutcome reused = run(command("c1", CommandType.SET_CHARGE_LIMIT, 60));

    assertThat(sends()).isEqualTo(1);
    assertThat(reused.result()).isNull();
    assertThat(reused.ledgerEntry()).isNull(); // the first result stays the one
    assertThat(reused.deadLetterReason()).isEqualTo("DUPLICATE_COMMAND_ID");
  }

  @Test
  void shouldWriteTheAttemptMarkerBeforeTheCall() {
    run(command("c1", CommandType.LOCK, null));

    assertThat(events).containsExactly("marker:c1:1", "send:c1:token-1");
  }

  @Test
  void shouldNeverSendAnExpiredCommand() {
    CommandRequest unlock =
        CommandRequest.newBuilder(command("c1", CommandType.UNLOCK, null))
            .setExpiresAt(T0.plusSeconds(30))
            .build();
    clock.advance(Duration.ofSeconds(31));

    DispatchOutcome outcome = run(unlock);

    assertThat(sends()).isZero();
    assertThat(outcome.result().getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(outcome.result().getAttempts()).isZero();
  }

  @Test
  void shouldExpireInsteadOfRetryingPastTheDeadline() {
    CommandRequest unlock =
        CommandRequest.newBuilder(command("c1", CommandType.LOCK, null))
            .setExpiresAt(T0.plusSeconds(30))
            .build();
    script.add(ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP")); // next try in 1 minute

    DispatchOutcome outcome = run(unlock);

    assertThat(sends()).isEqualTo(1);
    assertThat(outcome.result().getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(outcome.result().getAttempts()).isEqualTo(1);
  }

  @Test
  void shouldRetryAnAsleepVehicleOnTheLongSchedule() {
    script.add(ApiResponse.error(409, "VEHICLE_STATE", "ASLEEP"));

    DispatchOutcome outcome = run(command("c1", CommandType.LOCK, null));

    assertThat(outcome.result().getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(outcome.result().getAttempts()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void shouldReportAlreadyInStateAsSuccessWithTheFlag() {
    script.add(ApiResponse.error(409, "VEHICLE_STATE", "CHARGING_IN_PROGRESS"));

    CommandResult result = run(command("c1", CommandType.START_CHARGING, null)).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
    assertThat(result.getMessage()).contains("CHARGING_IN_PROGRESS");
  }

  @Test
  void shouldFailWithTheVirtualKeyInstruction() {
    script.add(ApiResponse.error(400, "CONNECTED_SERVICES_ACCOUNT", "VIRTUAL_KEY_REQUIRED"));

    CommandResult result = run(command("c1", CommandType.UNLOCK, null)).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getErrorCode()).isEqualTo("VIRTUAL_KEY_REQUIRED");
    assertThat(result.getMessage()).contains("virtual key");
    assertThat(sends()).isEqualTo(1);
  }

  @Test
  void shouldRefreshTheTokenOnceAndRetryOnceAfterA401() {
    script.add(ApiResponse.error(401, "AUTHENTICATION", null));

    CommandResult result = run(command("c1", CommandType.LOCK, null)).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(events).contains("send:c1:token-1", "send:c1:token-2");
    assertThat(tokenRequests).hasValue(2);
  }

  @Test
  void shouldFailWhenTheFreshTokenIsRefusedToo() {
    script.add(ApiResponse.error(401, "AUTHENTICATION", null));
    script.add(ApiResponse.error(401, "AUTHENTICATION", null));

    CommandResult result = run(command("c1", CommandType.LOCK, null)).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(sends()).isEqualTo(2);
  }

  @Test
  void shouldNotResendAnUnlockThatAPreviousRunMayHaveSent() {
    CommandRequest unlock = command("c1", CommandType.UNLOCK, null);
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(unlock), 1, T0));

    CommandResult result = run(unlock).result();

    assertThat(sends()).isZero();
    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getAttempts()).isEqualTo(1);
  }

  @Test
  void shouldResendAnInterruptedLockOnlyAfterTheCarReportedSinceItsMarkerThatItIsUnlocked() {
    CommandRequest lock = command("c1", CommandType.LOCK, null);
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(lock), 1, T0, T0));
    readings.add(reading("closure-islocked", false, T0.plusSeconds(3)));

    CommandResult result = run(lock).result();

    assertThat(events).containsSubsequence("read:c1", "marker:c1:2");
    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAttempts()).isEqualTo(2);
    assertThat(result.getStateReads()).isEqualTo(1);
  }

  @Test
  void shouldNotResendAnInterruptedChargeLimitTheCarShowsInEffect() {
    CommandRequest limit = command("c1", CommandType.SET_CHARGE_LIMIT, 80);
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(limit), 1, T0, T0));
    readings.add(
        StateReading.of(
            Map.of(
                "charge-chargelimits",
                new SignalReading(
                    "charge-chargelimits", Map.of("activeLimit", 80), T0.plusSeconds(2)))));

    CommandResult result = run(limit).result();

    assertThat(sends()).isZero();
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
    assertThat(result.getAttempts()).isEqualTo(1);
    assertThat(result.getMessage()).contains("previous dispatcher run");
  }

  @Test
  void shouldEndAnInterruptedStopOutcomeUnknownWhenTheCarHasNotReportedSinceItsMarker() {
    CommandRequest stop = command("c1", CommandType.STOP_CHARGING, null);
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(stop), 1, T0, T0));
    readings.add(reading("charge-ischarging", true, T0.minusSeconds(60)));

    CommandResult result = run(stop).result();

    assertThat(sends()).isZero();
    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getMessage()).contains("previous dispatcher run", "charge-ischarging");
  }

  @Test
  void shouldCountOnlyReportsAfterTheRestartForAnOldMarkerOfALaterCall() {
    // written before markers carried attemptAt: the second call's start is unknown
    CommandRequest lock = command("c1", CommandType.LOCK, null);
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(lock), 2, T0.minusSeconds(120)));
    readings.add(reading("closure-islocked", false, T0.minusSeconds(60)));

    CommandResult result = run(lock).result();

    assertThat(sends()).isZero();
    assertThat(result.getOutcomeUnknown()).isTrue();
  }

  @Test
  void shouldResendAnInterruptedDestinationWithoutReading() {
    CommandRequest destination =
        CommandRequest.newBuilder(command("c1", CommandType.SET_DESTINATION, null))
            .setParameters(new CommandParameters(null, 52.52, 13.40))
            .build();
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(destination), 1, T0, T0));

    CommandResult result = run(destination).result();

    assertThat(events).doesNotContain("read:c1");
    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
  }

  @Test
  void shouldRejectAnInvalidChargeLimitWithoutCalling() {
    CommandResult result = run(command("c1", CommandType.SET_CHARGE_LIMIT, 120)).result();

    assertThat(result.getStatus()).isEqualTo(CommandStatus.REJECTED);
    assertThat(result.getErrorCode()).isEqualTo("INVALID_COMMAND");
    assertThat(sends()).isZero();
  }

  @Test
  void shouldMarkAGatewayTimeoutOnStartAsOutcomeUnknownWithoutResending() {
    script.add(new ApiResponse(504, null, null, null, null, null, null, null, "req-504"));

    CommandResult result = run(command("c1", CommandType.START_CHARGING, null)).result();

    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getRequestId()).isEqualTo("req-504");
  }

  private static final ApiResponse GATEWAY_TIMEOUT =
      new ApiResponse(504, null, null, null, null, null, null, null, null);

  private StateReading reading(String code, Object value, Instant reportedAt) {
    return StateReading.of(
        Map.of(code, new SignalReading(code, Map.of("value", value), reportedAt)));
  }

  @Test
  void shouldSucceedWithoutResendingWhenTheCarShowsAnUnlockTookEffectAfterA504() {
    script.add(GATEWAY_TIMEOUT);
    readings.add(reading("closure-islocked", false, T0.plusSeconds(3)));

    CommandResult result = run(command("c1", CommandType.UNLOCK, null)).result();

    assertThat(sends()).isEqualTo(1);
    assertThat(events).contains("read:c1");
    assertThat(waits).contains(STATE_READ_DELAY);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
    assertThat(result.getOutcomeUnknown()).isFalse();
    assertThat(result.getStateReads()).isEqualTo(1);
    assertThat(result.getStateEvidence()).contains("closure-islocked=false");
  }

  @Test
  void shouldResendALockWhenTheCarReportedAfterTheCallThatItIsStillUnlocked() {
    script.add(GATEWAY_TIMEOUT);
    readings.add(reading("closure-islocked", false, T0.plusSeconds(3)));

    CommandResult result = run(command("c1", CommandType.LOCK, null)).result();

    assertThat(sends()).isEqualTo(2);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isFalse();
    assertThat(result.getAttempts()).isEqualTo(2);
  }

  @Test
  void shouldNotResendAStartWhenTheCarHasNotReportedSinceTheCall() {
    script.add(GATEWAY_TIMEOUT);
    readings.add(reading("charge-ischarging", false, T0.minusSeconds(60)));

    CommandResult result = run(command("c1", CommandType.START_CHARGING, null)).result();

    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getMessage())
        .contains("Check charge-ischarging")
        .contains("has not reported");
  }

  @Test
  void shouldReadTheCarAfterAPendingAnswerToo() {
    script.add(new ApiResponse(200, "PENDING", "exec-1", null, null, null, null, null, null));
    readings.add(reading("charge-ischarging", true, T0.plusSeconds(4)));

    CommandResult result = run(command("c1", CommandType.START_CHARGING, null)).result();

    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
  }

  @Test
  void shouldResendADestinationWithoutReadingSinceNoSignalShowsIt() {
    script.add(GATEWAY_TIMEOUT);

    CommandResult result =
        run(CommandRequest.newBuilder(command("c1", CommandType.SET_DESTINATION, null))
                .setParameters(new CommandParameters(null, 52.5, 13.4))
                .build())
            .result();

    assertThat(sends()).isEqualTo(2);
    assertThat(events).noneMatch(e -> e.startsWith("read:"));
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
  }

  @Test
  void shouldStopCallingAVehicleForTheHoldAfterTheOemRateLimit() {
    script.add(ApiResponse.error(502, "UPSTREAM", "RATE_LIMIT"));

    CommandResult first = run(command("c1", CommandType.LOCK, null)).result();
    CommandResult second =
        run(CommandRequest.newBuilder(command("c2", CommandType.LOCK, null))
                .setExpiresAt(T0.plus(Duration.ofHours(1)))
                .build())
            .result();

    assertThat(first.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(first.getAttempts()).isEqualTo(1);
    assertThat(first.getMessage()).contains("DISPATCHER_OEM_RATE_LIMIT_HOLD");
    assertThat(second.getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(second.getAttempts()).isZero();
    assertThat(sends()).isEqualTo(1);
  }

  @Test
  void shouldCountFullyChargedAsDoneOnlyForStartCharging() {
    script.add(ApiResponse.error(409, "VEHICLE_STATE", "FULLY_CHARGED"));
    script.add(ApiResponse.error(409, "VEHICLE_STATE", "FULLY_CHARGED"));

    CommandResult start = run(command("c1", CommandType.START_CHARGING, null)).result();
    CommandResult lock = run(command("c2", CommandType.LOCK, null)).result();

    assertThat(start.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(start.getAlreadyInState()).isTrue();
    assertThat(lock.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(lock.getAlreadyInState()).isFalse();
  }

  @Test
  void shouldNotSendButRetryLaterWhenTheAttemptMarkerCannotBeWritten() {
    markerFailures.set(1);

    CommandResult result = run(command("c1", CommandType.UNLOCK, null)).result();

    assertThat(events).startsWith("marker-failed:c1").contains("marker:c1:1");
    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAttempts()).isEqualTo(1);
  }

  @Test
  void shouldReadAgainWhenTheStateReadItselfFailed() {
    script.add(GATEWAY_TIMEOUT);
    readings.add(StateReading.unavailable("the signals read answered HTTP 502"));
    readings.add(reading("closure-islocked", true, T0.plusSeconds(8)));

    CommandResult result = run(command("c1", CommandType.LOCK, null)).result();

    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStateReads()).isEqualTo(2);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(result.getAlreadyInState()).isTrue();
  }

  @Test
  void shouldEndOutcomeUnknownWhenEveryStateReadFails() {
    script.add(GATEWAY_TIMEOUT);

    CommandResult result = run(command("c1", CommandType.UNLOCK, null)).result();

    assertThat(sends()).isEqualTo(1);
    assertThat(result.getStateReads()).isEqualTo(3);
    assertThat(result.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(result.getOutcomeUnknown()).isTrue();
    assertThat(result.getStateEvidence()).isEqualTo("nothing scripted");
  }
}
