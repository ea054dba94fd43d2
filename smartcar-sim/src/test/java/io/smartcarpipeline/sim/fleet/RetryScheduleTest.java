package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void shouldWait25Then50Then100SecondsThenDropInRealTime() {
    RetrySchedule schedule = RetrySchedule.smartcar(1);

    assertThat(schedule.maxAttempts()).isEqualTo(4);
    assertThat(schedule.realWaitAfter(1)).contains(Duration.ofSeconds(25));
    assertThat(schedule.realWaitAfter(2)).contains(Duration.ofSeconds(50));
    assertThat(schedule.realWaitAfter(3)).contains(Duration.ofSeconds(100));
    assertThat(schedule.realWaitAfter(4)).isEmpty();
  }

  @Test
  void shouldDivideTheWaitsByTheTimeFactor() {
    RetrySchedule schedule = RetrySchedule.smartcar(100);

    assertThat(schedule.realWaitAfter(1)).contains(Duration.ofMillis(250));
    assertThat(schedule.realWaitAfter(2)).contains(Duration.ofMillis(500));
    assertThat(schedule.realWaitAfter(3)).contains(Duration.ofMillis(1000));
    assertThat(schedule.simulatedWaitAfter(3)).contains(Duration.ofSeconds(100));
    assertThat(schedule.realWaitAfter(4)).isEmpty();
  }

  @Test
  void shouldScaleFromTheFleetConfig() {
    FleetConfig config =
        FleetConfig.builder()
            .gatewayUrl("http://localhost:8080/webhooks")
            .managementToken("t")
            .timeFactor(60)
            .build();

    assertThat(config.retrySchedule().realWaitAfter(1)).contains(Duration.ofNanos(416_666_667));
    assertThat(config.tickMillis()).isEqualTo(1000);
  }
}
