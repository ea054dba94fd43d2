package io.smartcarpipeline.fleetsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VirtualKeyStatus;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No churn on the compacted topic: a sync that only moves {@code lastSyncedAt} publishes nothing
 * until the heartbeat (12 sync intervals) is due; any other change is published at once; a record
 * the broker refused is published again by the next sync.
 */
class ConnectionBookTest {

  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private static final Duration HEARTBEAT = INTERVAL.multipliedBy(12);
  private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");

  private final List<VehicleConnection> sent = new ArrayList<>();
  private boolean brokerDown;

  private final ConnectionBook book =
      new ConnectionBook(
          Map.of("v1", record(T0)),
          r -> {
            sent.add(r);
            return brokerDown ? Future.failedFuture("broker down") : Future.succeededFuture();
          },
          HEARTBEAT);

  @Test
  void syncsThatChangeOnlyTheSyncTimePublishOncePerHeartbeat() {
    // 24 syncs = 2 hours, nothing changes but lastSyncedAt
    for (int sync = 1; sync <= 24; sync++) {
      book.put(record(T0.plus(INTERVAL.multipliedBy(sync))));
    }
    assertThat(sent)
        .extracting(VehicleConnection::getLastSyncedAt)
        .containsExactly(T0.plus(HEARTBEAT), T0.plus(HEARTBEAT.multipliedBy(2)));
    // what the service sees is always the newest
    assertThat(book.get("v1").orElseThrow().getLastSyncedAt())
        .isEqualTo(T0.plus(INTERVAL.multipliedBy(24)));
  }

  @Test
  void anyOtherChangeIsPublishedAtOnce() {
    book.put(record(T0.plus(INTERVAL)));
    assertThat(sent).isEmpty();
    VehicleConnection keyed =
        VehicleConnection.newBuilder(record(T0.plus(INTERVAL.multipliedBy(2))))
            .setVirtualKey(VirtualKeyStatus.PRESENT)
            .build();
    book.put(keyed);
    assertThat(sent).containsExactly(keyed);
    VehicleConnection gone =
        VehicleConnection.newBuilder(keyed)
            .setStatus(ConnectionStatus.DISCONNECTED)
            .setDisconnectedAt(T0.plus(INTERVAL.multipliedBy(3)))
            .setLastSyncedAt(T0.plus(INTERVAL.multipliedBy(3)))
            .build();
    book.put(gone);
    assertThat(sent).containsExactly(keyed, gone);
    assertThat(book.put(gone).succeeded()).isTrue();
    assertThat(sent).hasSize(2);
  }

  @Test
  void aRecordTheBrokerRefusedIsPublishedAgainByTheNextSync() {
    brokerDown = true;
    VehicleConnection keyed =
        VehicleConnection.newBuilder(record(T0.plus(INTERVAL)))
            .setVirtualKey(VirtualKeyStatus.PRESENT)
            .build();
    assertThat(book.put(keyed).failed()).isTrue();
    brokerDown = false;
    VehicleConnection nextSync =
        VehicleConnection.newBuilder(keyed)
            .setLastSyncedAt(T0.plus(INTERVAL.multipliedBy(2)))
            .build();
    assertThat(book.put(nextSync).succeeded()).isTrue();
    assertThat(sent).containsExactly(keyed, nextSync);
  }

  @Test
  void aNewVehicleIsPublished() {
    VehicleConnection other = VehicleConnection.newBuilder(record(T0)).setVehicleId("v2").build();
    book.put(other);
    assertThat(sent).containsExactly(other);
  }

  private static VehicleConnection record(Instant syncedAt) {
    return VehicleConnection.newBuilder()
        .setVehicleId("v1")
        .setUserId("u-v1")
        .setMake("TESLA")
        .setModel("Model 3")
        .setYear(2024)
        .setMode("live")
        .setConnectedAt(T0)
        .setStatus(ConnectionStatus.CONNECTED)
        .setLastSyncedAt(syncedAt)
        .setVirtualKey(VirtualKeyStatus.UNKNOWN)
        .build();
  }
}
