package io.smartcarpipeline.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smartcarpipeline.sim.api.SimJson;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fault profile as {@code POST /_sim/faults} reads it (the record through the sim's Jackson
 * mapper) and as the withers build it: every setting is read into its own component, defaults fill
 * what is left out, and a bad value fails naming its field and the range it must be in.
 */
class FaultProfileTest {

  private static FaultProfile parse(String json) throws JsonProcessingException {
    return SimJson.MAPPER.readValue(json, FaultProfile.class);
  }

  /** The message the admin endpoint answers: the root cause of Jackson's wrapper. */
  private static String rejection(String json) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> parse(json));
    assertThat(t).as("%s must be rejected", json).isNotNull();
    while (t.getCause() != null) {
      t = t.getCause();
    }
    assertThat(t).isInstanceOf(IllegalArgumentException.class);
    return t.getMessage();
  }

  @Test
  void anEmptyBodyIsNoFaultWithTheDocumentedDefaults() throws Exception {
    FaultProfile p = parse("{}");

    assertThat(p).isEqualTo(FaultProfile.none());
    assertThat(Arrays.stream(FaultShare.values()).mapToDouble(s -> s.of(p))).containsOnly(0.0);
    assertThat(p.retryAfterSeconds()).isEqualTo(1);
    assertThat(p.longRunningMs()).isEqualTo(2000L);
    assertThat(p.reportDelayMs()).isZero();
    assertThat(p.reportsLate()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(FaultShare.class)
  void eachShareIsReadIntoItsOwnComponentAndNoOther(FaultShare share) throws Exception {
    FaultProfile p = parse("{\"" + share.field() + "\":0.25}");

    for (FaultShare other : FaultShare.values()) {
      assertThat(other.of(p)).as(other.field()).isEqualTo(other == share ? 0.25 : 0.0);
    }
    assertThat(p).isEqualTo(FaultProfile.none().withShare(share, 0.25));
  }

  @ParameterizedTest
  @EnumSource(FaultShare.class)
  void aWholeShareMakesTheInjectorPickThatFault(FaultShare share) {
    FaultInjector injector =
        new FaultInjector(FaultRules.everywhere(FaultProfile.none().withShare(share, 1.0)), 5);

    assertThat(injector.decide("veh-1", "charge-start").kind()).isEqualTo(share.kind());
  }

  @Test
  void everySettingIsReadFromTheBody() throws Exception {
    FaultProfile p =
        parse(
            "{\"rateLimitShare\":0.1,\"serverErrorShare\":0.1,\"upstreamShare\":0.1,"
                + "\"gatewayTimeoutShare\":0.1,\"dropShare\":0.1,\"longRunningShare\":0.1,"
                + "\"gatewayTimeoutBeforeShare\":0.1,\"pendingShare\":0.1,"
                + "\"oemRateLimitShare\":0.1,\"minLatencyMs\":5,\"maxLatencyMs\":9,"
                + "\"retryAfterSeconds\":4,\"longRunningMs\":300,\"reportDelayMs\":700,"
                + "\"neverReports\":true}");

    FaultProfile built =
        FaultProfile.none()
            .withRateLimit(0.1, 4)
            .withServerErrors(0.1)
            .withUpstreamErrors(0.1)
            .withGatewayTimeouts(0.1)
            .withDrops(0.1)
            .withLongRunning(0.1, 300)
            .withGatewayTimeoutsBefore(0.1)
            .withPending(0.1, 300)
            .withOemRateLimit(0.1)
            .withLatency(5, 9)
            .withReportDelay(700)
            .withNeverReports();
    assertThat(p).isEqualTo(built);
    assertThat(p.minLatencyMs()).isEqualTo(5);
    assertThat(p.maxLatencyMs()).isEqualTo(9);
    assertThat(p.retryAfterSeconds()).isEqualTo(4);
    assertThat(p.longRunningMs()).isEqualTo(300L);
    assertThat(p.reportDelayMs()).isEqualTo(700L);
    assertThat(p.neverReports()).isTrue();
    assertThat(p.reportsLate()).isTrue();
  }

  @Test
  void aMaxLatencyBelowTheMinIsRaisedToIt() throws Exception {
    assertThat(parse("{\"minLatencyMs\":50,\"maxLatencyMs\":10}").maxLatencyMs()).isEqualTo(50);
  }

  @Test
  void theEdgesOfTheShareRangeAreAccepted() throws Exception {
    assertThat(parse("{\"dropShare\":1.0}").dropShare()).isEqualTo(1.0);
    assertThat(parse("{\"dropShare\":0.0}").dropShare()).isZero();
    assertThat(parse("{\"dropShare\":0.5,\"pendingShare\":0.5}").pendingShare()).isEqualTo(0.5);
  }

  @ParameterizedTest
  @EnumSource(FaultShare.class)
  void aShareAboveOneIsRejectedNamingItsFieldAndTheRange(FaultShare share) {
    assertThat(rejection("{\"" + share.field() + "\":1.5}"))
        .isEqualTo(share.field() + " must be within 0..1, was 1.5");
  }

  @ParameterizedTest
  @EnumSource(FaultShare.class)
  void aNegativeShareIsRejectedNamingItsFieldAndTheRange(FaultShare share) {
    assertThat(rejection("{\"" + share.field() + "\":-0.1}"))
        .isEqualTo(share.field() + " must be within 0..1, was -0.1");
  }

  @Test
  void sharesAddingUpToMoreThanOneAreRejectedSayingSo() {
    assertThat(rejection("{\"rateLimitShare\":0.6,\"oemRateLimitShare\":0.6}"))
        .startsWith("the fault shares add up to 1.2")
        .contains("more than 1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "minLatencyMs",
        "maxLatencyMs",
        "retryAfterSeconds",
        "longRunningMs",
        "reportDelayMs"
      })
  void aNegativeTimeIsRejectedNamingItsField(String field) {
    assertThat(rejection("{\"" + field + "\":-1}")).isEqualTo(field + " must be >= 0, was -1");
  }

  @Test
  void theWithersCheckTheirValuesToo() {
    assertThatThrownBy(() -> FaultProfile.none().withServerErrors(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serverErrorShare must be within 0..1, was 2.0");
    assertThatThrownBy(() -> FaultProfile.none().withLatency(-5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minLatencyMs must be >= 0, was -5");
    assertThatThrownBy(() -> FaultProfile.none().withRateLimit(0.5, 0).withDrops(0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1");
  }
}
