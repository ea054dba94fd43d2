package io.smartcarpipeline.fleetsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VirtualKeyStatus;
import io.smartcarpipeline.smartcar.fleet.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionMergeTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-01T10:05:00Z");

  private static Connection listed(String id, String make) {
    return new Connection(id, "u-" + id, make, "M", 2024, "live", T0);
  }

  private static VehicleConnection known(String id, ConnectionStatus status) {
    return VehicleConnection.newBuilder()
        .setVehicleId(id)
        .setUserId("u-" + id)
        .setMake("TESLA")
        .setModel("M")
        .setYear(2024)
        .setMode("live")
        .setConnectedAt(T0)
        .setStatus(status)
        .setLastSyncedAt(T0)
        .setVirtualKey(VirtualKeyStatus.REQUIRED)
        .build();
  }

  @Test
  void aNewlyListedVehicleIsConnected() {
    ConnectionMerge.Result r = ConnectionMerge.merge(List.of(), List.of(listed("a", "BYD")), T1);

    assertThat(r.connected()).extracting(VehicleConnection::getVehicleId).containsExactly("a");
    VehicleConnection a = r.records().get(0);
    assertThat(a.getStatus()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(a.getMake()).isEqualTo("BYD");
    assertThat(a.getLastSyncedAt()).isEqualTo(T1);
    assertThat(r.disconnected()).isEmpty();
  }

  @Test
  void aConnectedVehicleNoLongerListedIsDisconnectedOnceAndKeepsWhatWasKnown() {
    ConnectionMerge.Result r =
        ConnectionMerge.merge(
            List.of(
                known("gone", ConnectionStatus.CONNECTED),
                known("old", ConnectionStatus.DISCONNECTED)),
            List.of(),
            T1);

    assertThat(r.disconnected())
        .extracting(VehicleConnection::getVehicleId)
        .containsExactly("gone");
    VehicleConnection gone = r.disconnected().get(0);
    assertThat(gone.getStatus()).isEqualTo(ConnectionStatus.DISCONNECTED);
    assertThat(gone.getDisconnectedAt()).isEqualTo(T1);
    assertThat(gone.getVirtualKey()).isEqualTo(VirtualKeyStatus.REQUIRED);
    assertThat(r.records()).as("an already disconnected vehicle is not written again").hasSize(1);
  }

  @Test
  void aDisconnectedVehicleListedAgainIsConnectedAgain() {
    ConnectionMerge.Result r =
        ConnectionMerge.merge(
            List.of(known("back", ConnectionStatus.DISCONNECTED)),
            List.of(listed("back", "TESLA")),
            T1);

    assertThat(r.connected()).hasSize(1);
    assertThat(r.records().get(0).getStatus()).isEqualTo(ConnectionStatus.CONNECTED);
    assertThat(r.records().get(0).getDisconnectedAt()).isNull();
  }

  @Test
  void aFieldTheListingLeavesOutKeepsItsKnownValueAndAChangeCountsAsUpdate() {
    Connection sparse = new Connection("a", null, "TESLA", null, null, null, null);
    Connection changed = new Connection("b", "u-b", "TESLA", "M", 2025, "live", T0);

    ConnectionMerge.Result r =
        ConnectionMerge.merge(
            List.of(known("a", ConnectionStatus.CONNECTED), known("b", ConnectionStatus.CONNECTED)),
            List.of(sparse, changed, sparse),
            T1);

    VehicleConnection a =
        r.records().stream().filter(c -> c.getVehicleId().equals("a")).findFirst().orElseThrow();
    assertThat(a.getUserId()).isEqualTo("u-a");
    assertThat(a.getYear()).isEqualTo(2024);
    assertThat(a.getMode()).isEqualTo("live");
    assertThat(r.updated()).as("only b's year changed").isEqualTo(1);
    assertThat(r.connected()).isEmpty();
    assertThat(r.records()).as("a listed twice is written once").hasSize(2);
  }

  @Test
  void aListingWithSubMillisecondTimesIsNotAnUpdate() {
    Connection precise =
        new Connection("a", "u-a", "TESLA", "M", 2024, "live", T0.plusNanos(123_456));

    ConnectionMerge.Result r =
        ConnectionMerge.merge(
            List.of(known("a", ConnectionStatus.CONNECTED)), List.of(precise), T1);

    assertThat(r.updated()).isZero();
  }
}
