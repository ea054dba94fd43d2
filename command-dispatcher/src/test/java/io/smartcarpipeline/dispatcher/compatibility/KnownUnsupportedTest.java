package io.smartcarpipeline.dispatcher.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.Capability;
import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.Compatibility;
import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownUnsupportedTest {

  private static final Instant CHECKED = Instant.parse("2026-12-01T10:00:00Z");

  private final KnownUnsupported view = new KnownUnsupported();

  @Test
  void shouldRefuseACommandSaidUnsupportedNamingTheVehicleAndWhereToCheck() {
    view.accept("v1", connection("v1", ConnectionStatus.CONNECTED, cap("SET_DESTINATION", false)));

    String refusal = view.refusal(request("v1", CommandType.SET_DESTINATION));

    assertThat(refusal)
        .contains("vehicle v1 (JAGUAR I-PACE 2021)")
        .contains("SET_DESTINATION")
        .contains("bin/smartcar-pipeline compatibility --vehicle v1")
        .contains(CHECKED.toString());
    assertThat(view.size()).isEqualTo(1);
  }

  @Test
  void shouldRefuseOnlyTheUnsupportedCommandAndOnlyForItsVehicle() {
    view.accept(
        "v1",
        connection(
            "v1", ConnectionStatus.CONNECTED, cap("START_CHARGE", false), cap("LOCK", true)));

    assertThat(view.refusal(request("v1", CommandType.START_CHARGING))).isNotNull();
    assertThat(view.refusal(request("v1", CommandType.LOCK))).isNull();
    assertThat(view.refusal(request("v2", CommandType.START_CHARGING))).isNull();
  }

  @Test
  void shouldNeverRefuseOnUnknownSupport() {
    view.accept(
        "v1",
        connection(
            "v1", ConnectionStatus.CONNECTED, cap("SET_DESTINATION", null), cap("HONK", false)));

    assertThat(view.refusal(request("v1", CommandType.SET_DESTINATION))).isNull();
    assertThat(view.refusal(request("v1", CommandType.UNLOCK))).isNull();
    assertThat(view.size()).isZero();
  }

  @Test
  void shouldNeverRefuseWithoutACompatibilityAnswer() {
    view.accept("v1", builder("v1", ConnectionStatus.CONNECTED).setCompatibility(null).build());

    assertThat(view.refusal(request("v1", CommandType.LOCK))).isNull();
  }

  @Test
  void shouldNotRefuseACommandAlsoSaidSupportedUnderAnotherName() {
    view.accept(
        "v1",
        connection(
            "v1", ConnectionStatus.CONNECTED, cap("LOCK", false), cap("security-lock", true)));

    assertThat(view.refusal(request("v1", CommandType.LOCK))).isNull();
  }

  @Test
  void shouldLetANewerRecordReplaceTheOlder() {
    view.accept("v1", connection("v1", ConnectionStatus.CONNECTED, cap("UNLOCK", false)));
    view.accept("v1", connection("v1", ConnectionStatus.CONNECTED, cap("UNLOCK", true)));

    assertThat(view.refusal(request("v1", CommandType.UNLOCK))).isNull();
  }

  @Test
  void shouldForgetAVehicleOnATombstoneOrAnUnreadableRecord() {
    view.accept("v1", connection("v1", ConnectionStatus.CONNECTED, cap("UNLOCK", false)));
    view.accept("v2", connection("v2", ConnectionStatus.CONNECTED, cap("UNLOCK", false)));

    view.accept("v1", null);
    view.forget("v2");

    assertThat(view.refusal(request("v1", CommandType.UNLOCK))).isNull();
    assertThat(view.refusal(request("v2", CommandType.UNLOCK))).isNull();
  }

  @Test
  void shouldKeepRefusingForADisconnectedVehicle() {
    view.accept("v1", connection("v1", ConnectionStatus.DISCONNECTED, cap("UNLOCK", false)));

    assertThat(view.refusal(request("v1", CommandType.UNLOCK))).isNotNull();
    assertThat(view.refusal(request("v1", CommandType.LOCK))).isNull();
  }

  @Test
  void shouldMarkWhatSmartcarDidNotList() {
    view.accept(
        "v1",
        builder("v1", ConnectionStatus.CONNECTED, cap("UNLOCK", false))
            .setMake(null)
            .setModel(" ")
            .setYear(null)
            .build());

    assertThat(view.refusal(request("v1", CommandType.UNLOCK))).contains("vehicle v1 (? ? ?)");
  }

  private static Capability cap(String code, Boolean supported) {
    return new Capability(code, supported);
  }

  private static VehicleConnection connection(
      String vehicle, ConnectionStatus status, Capability... commands) {
    return builder(vehicle, status, commands).build();
  }

  private static VehicleConnection.Builder builder(
      String vehicle, ConnectionStatus status, Capability... commands) {
    return VehicleConnection.newBuilder()
        .setVehicleId(vehicle)
        .setUserId("u-" + vehicle)
        .setMake("JAGUAR")
        .setModel("I-PACE")
        .setYear(2021)
        .setStatus(status)
        .setLastSyncedAt(CHECKED)
        .setCompatibility(new Compatibility(CHECKED, null, List.of(), List.of(commands)));
  }

  private static CommandRequest request(String vehicle, CommandType type) {
    return CommandRequest.newBuilder()
        .setCommandId("c-" + vehicle + "-" + type)
        .setVehicleId(vehicle)
        .setUserId("u-" + vehicle)
        .setType(type)
        .setParameters(new CommandParameters(null, null, null))
        .setRequestedAt(CHECKED)
        .build();
  }
}
