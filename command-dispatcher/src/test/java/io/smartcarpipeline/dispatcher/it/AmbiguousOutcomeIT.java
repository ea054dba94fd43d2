package io.smartcarpipeline.dispatcher.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.dispatcher.CommandProducer;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ambiguous answers on the real broker and registry with the Smartcar simulator: for each case the
 * number of command calls and signals reads the simulator saw, and the final result. UNLOCK and
 * START_CHARGING get at most one call unless the car's own report shows the call did not happen.
 */
@ExtendWith(LocalStackExtension.class)
class AmbiguousOutcomeIT {

  private static DispatcherFixture it;
  private static SmartcarApiSim sim;

  @BeforeAll
  static void startAll(LocalStack stack) {
    it =
        DispatcherFixture.start(
            stack,
            3,
            "dispatcher-ambiguous-it",
            Map.of(
                "DISPATCHER_RETRY_MAX_ATTEMPTS", "3",
                "DISPATCHER_RETRY_INITIAL_BACKOFF", "20ms",
                "DISPATCHER_RETRY_MAX_BACKOFF", "100ms",
                "DISPATCHER_STATE_READ_DELAY", "300ms",
                "DISPATCHER_OEM_RATE_LIMIT_HOLD", "1h",
                "DISPATCHER_RATE_BUCKET_CAPACITY", "1000",
                "DISPATCHER_RATE_REFILL_PER_MINUTE", "60000",
                "DISPATCHER_VEHICLE_SPACING", "0s",
                "DISPATCHER_SHUTDOWN_GRACE", "5s",
                "TOPIC_PARTITIONS", "3"));
    sim = it.sim();
  }

  @AfterAll
  static void stopAll() {
    it.close();
  }

  @AfterEach
  void noFaults() {
    sim.setFaults(FaultRules.none());
  }

  private static void addVehicle(String id, boolean locked, boolean charging) {
    sim.vehicles().add(it.vehicle(id).locked(locked).charging(charging).build());
  }

  private static CommandResult dispatch(String vehicle, CommandType type, Duration ttl) {
    Integer percent = type == CommandType.SET_CHARGE_LIMIT ? 80 : null;
    CommandRequest r =
        CommandProducer.request(type, vehicle, "user-" + vehicle, percent, null, null, ttl);
    it.producer().send(r);
    return it.awaitResults(List.of(r.getCommandId())).get(r.getCommandId()).get(0);
  }

  private static int calls(String vehicle, String command) {
    return it.calls(vehicle, command);
  }

  private static int reads(String vehicle) {
    return it.calls(vehicle, "signals");
  }

  @Test
  void unlockAnswered504AfterItRanSucceedsAfterOneCallBecauseTheCarShowsItUnlocked() {
    String v = "amb-504-after";
    addVehicle(v, true, false);
    sim.setFaults(
        FaultRules.none()
            .withCommand("security-unlock", FaultProfile.none().withGatewayTimeouts(1.0)));

    CommandResult r = dispatch(v, CommandType.UNLOCK, null);

    assertThat(calls(v, "security-unlock")).isEqualTo(1);
    assertThat(reads(v)).isEqualTo(1);
    assertThat(r.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(r.getAlreadyInState()).isTrue();
    assertThat(r.getOutcomeUnknown()).isFalse();
    assertThat(r.getStateReads()).isEqualTo(1);
    assertThat(r.getStateEvidence()).startsWith("closure-islocked=false");
    assertThat(sim.vehicles().require(v).snapshot().locked()).isFalse();
  }

  @Test
  void unlockAnswered504BeforeItRanIsSentAgainOnlyAfterTheCarShowsItStillLocked() {
    String v = "amb-504-before";
    addVehicle(v, true, false);
    sim.setFaults(
        FaultRules.none()
            .withCommand("security-unlock", FaultProfile.none().withGatewayTimeoutsBefore(1.0)));

    CommandResult r = dispatch(v, CommandType.UNLOCK, null);

    // every call got a 504 without running; each was followed by a read showing it still locked
    assertThat(calls(v, "security-unlock")).isEqualTo(3);
    assertThat(reads(v)).isEqualTo(3);
    assertThat(r.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(r.getOutcomeUnknown()).isFalse();
    assertThat(r.getAttempts()).isEqualTo(3);
    assertThat(r.getMessage()).contains("did not take effect").contains("gave up after 3");
    assertThat(sim.vehicles().require(v).snapshot().locked()).isTrue();
  }

  @Test
  void startChargingAnsweredPendingSucceedsAfterOneCallOnceTheCarShowsItCharging() {
    String v = "amb-pending";
    addVehicle(v, true, false);
    sim.setFaults(
        FaultRules.none().withCommand("charge-start", FaultProfile.none().withPending(1.0, 50)));

    CommandResult r = dispatch(v, CommandType.START_CHARGING, null);

    assertThat(calls(v, "charge-start")).isEqualTo(1);
    assertThat(r.getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(r.getAlreadyInState()).isTrue();
    assertThat(r.getStateEvidence()).startsWith("charge-ischarging=true");
  }

  @Test
  void startChargingLongPendingIsNeverSentAgainAndEndsOutcomeUnknown() {
    String v = "amb-long-pending";
    addVehicle(v, true, false);
    sim.setFaults(
        FaultRules.none().withCommand("charge-start", FaultProfile.none().withPending(1.0, 3000)));

    CommandResult r = dispatch(v, CommandType.START_CHARGING, null);

    assertThat(calls(v, "charge-start")).isEqualTo(1);
    assertThat(reads(v)).isEqualTo(1);
    assertThat(r.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(r.getOutcomeUnknown()).isTrue();
    assertThat(r.getMessage()).contains("PENDING").contains("Check charge-ischarging");
    // and the car did carry it out later: sending it again would have been a second start
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sim.vehicles().require(v).snapshot().charging());
    assertThat(calls(v, "charge-start")).isEqualTo(1);
  }

  @Test
  void unlockOnACarThatNeverReportsTheChangeEndsOutcomeUnknownAfterOneCall() {
    String v = "amb-never-reports";
    addVehicle(v, true, false);
    sim.setFaults(
        FaultRules.none()
            .withCommand(
                "security-unlock",
                FaultProfile.none().withGatewayTimeouts(1.0).withNeverReports()));

    CommandResult r = dispatch(v, CommandType.UNLOCK, null);

    assertThat(calls(v, "security-unlock")).isEqualTo(1);
    assertThat(r.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(r.getOutcomeUnknown()).isTrue();
    assertThat(r.getMessage())
        .contains("has not reported closure-islocked")
        .contains("Check closure-islocked");
    assertThat(sim.vehicles().require(v).snapshot().locked()).isFalse(); // it did run
  }

  @Test
  void oemRateLimitStopsCallingTheVehicle() {
    String v = "amb-oem-limit";
    addVehicle(v, false, false);
    sim.setFaults(
        FaultRules.none()
            .withCommand("charge-set-limit", FaultProfile.none().withOemRateLimit(1.0)));

    CommandResult limited = dispatch(v, CommandType.SET_CHARGE_LIMIT, null);
    sim.setFaults(FaultRules.none());
    CommandResult next = dispatch(v, CommandType.LOCK, Duration.ofSeconds(2));

    assertThat(calls(v, "charge-set-limit")).isEqualTo(1);
    assertThat(limited.getStatus()).isEqualTo(CommandStatus.FAILED);
    assertThat(limited.getErrorType()).isEqualTo("UPSTREAM");
    assertThat(limited.getErrorCode()).isEqualTo("RATE_LIMIT");
    assertThat(limited.getMessage()).contains("DISPATCHER_OEM_RATE_LIMIT_HOLD");
    assertThat(next.getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(next.getAttempts()).isZero();
    assertThat(calls(v, "security-lock")).isZero();
  }
}
