package io.smartcarpipeline.fleetsync.gapfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReadQueueTest {

  private static final VehicleProfile TESLA = new VehicleProfile("TESLA", "Model 3", 2024, false);
  private static final Function<String, VehicleProfile> PROFILES =
      id -> id.startsWith("tesla") ? TESLA : VehicleProfile.unknown();

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final ReadQueue queue = new ReadQueue(clock, new TeslaReadRule(clock));

  @Test
  void repeatedRequestsForOneVehicleGiveOneRead() {
    queue.request("car", ReadReason.NEW_CONNECTION);
    queue.request("car", ReadReason.OUTAGE);
    queue.request("car", ReadReason.ON_DEMAND);

    List<ReadQueue.Owed> due = queue.takeDue(10, PROFILES);

    assertThat(due).extracting(ReadQueue.Owed::reason).containsExactly(ReadReason.NEW_CONNECTION);
    assertThat(queue.takeDue(10, PROFILES)).isEmpty();
  }

  @Test
  void teslaWithoutKeyIsReadAtMostOncePerEightHoursWhateverAsks() {
    // given triggers of every kind every 10 minutes for 24 simulated hours
    List<java.time.Instant> reads = new ArrayList<>();
    for (int minute = 0; minute < 24 * 60; minute += 10) {
      for (ReadReason reason : ReadReason.values()) {
        queue.request("tesla", reason);
      }
      // when the queue is drained on every tick
      queue.takeDue(10, PROFILES).forEach(r -> reads.add(clock.instant()));
      clock.advance(Duration.ofMinutes(10));
    }

    // then three reads, 8 hours and the margin apart (rounded up to the 10-minute tick)
    assertThat(reads).hasSize(3);
    Duration gap = Duration.ofHours(8).plusMinutes(20);
    assertThat(Duration.between(reads.get(0), reads.get(1))).isEqualTo(gap);
    assertThat(Duration.between(reads.get(1), reads.get(2))).isEqualTo(gap);
  }

  @Test
  void heldReadStaysOwedUntilTheHoldEnds() {
    // given a Retry-After of 5 minutes
    queue.request("car", ReadReason.STALE);
    queue.hold("car", clock.instant().plus(Duration.ofMinutes(5)));

    // then nothing goes before it, and the read goes once it has passed
    assertThat(queue.takeDue(10, PROFILES)).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(queue.takeDue(10, PROFILES)).extracting(ReadQueue.Owed::vehicleId).contains("car");
  }

  @Test
  void atMostMaxReadsAreTakenOldestFirst() {
    queue.request("a", ReadReason.OUTAGE);
    queue.request("b", ReadReason.OUTAGE);
    queue.request("c", ReadReason.OUTAGE);

    assertThat(queue.takeDue(2, PROFILES))
        .extracting(ReadQueue.Owed::vehicleId)
        .containsExactly("a", "b");
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void forgottenVehicleIsNotRead() {
    queue.request("gone", ReadReason.NEW_CONNECTION);
    queue.forget("gone");

    assertThat(queue.takeDue(10, PROFILES)).isEmpty();
  }

  @Test
  void nextAllowedNamesTheEightHourMark() {
    queue.request("tesla", ReadReason.ON_DEMAND);
    queue.takeDue(10, PROFILES);
    queue.request("tesla", ReadReason.ON_DEMAND);

    assertThat(queue.nextAllowed("tesla", TESLA))
        .contains(java.time.Instant.parse("2026-01-01T08:15:00Z"));
  }
}
