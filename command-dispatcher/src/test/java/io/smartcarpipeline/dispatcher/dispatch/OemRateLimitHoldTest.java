package io.smartcarpipeline.dispatcher.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OemRateLimitHoldTest {

  @Test
  void onlyTheManufacturersRateLimitAppliesInAnyCase() {
    assertThat(OemRateLimitHold.applies(ApiResponse.error(429, "UPSTREAM", "RATE_LIMIT"))).isTrue();
    assertThat(OemRateLimitHold.applies(ApiResponse.error(429, "upstream", "rate_limit"))).isTrue();

    assertThat(OemRateLimitHold.applies(ApiResponse.error(429, "RATE_LIMIT", "VEHICLE"))).isFalse();
    assertThat(OemRateLimitHold.applies(ApiResponse.error(502, "UPSTREAM", "UNKNOWN_ISSUE")))
        .isFalse();
    assertThat(OemRateLimitHold.applies(ApiResponse.success(200, "exec"))).isFalse();
    assertThat(
            OemRateLimitHold.applies(
                new TransportFailure(TransportFailure.Kind.TIMEOUT, "read timed out")))
        .isFalse();
  }

  @Test
  void theMessageSaysHowLongAndWhichSettingDecides() {
    String message = new OemRateLimitHold(Duration.ofHours(6)).message();

    assertThat(message).contains("PT6H", "DISPATCHER_OEM_RATE_LIMIT_HOLD", "send a new command");
  }
}
