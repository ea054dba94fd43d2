package io.smartcarpipeline.dispatcher.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static CommandRequest request(String vehicle, CommandType type, Integer percent) {
    return CommandRequest.newBuilder()
        .setCommandId("c1")
        .setVehicleId(vehicle)
        .setUserId("user-1")
        .setType(type)
        .setParameters(new CommandParameters(percent, null, null))
        .setRequestedAt(T0)
        .build();
  }

  /** A copy of CommandParameters' schema with one more optional field, as a later version. */
  private static Schema withExtraField() {
    Schema current = CommandParameters.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : current.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    Schema optionalString =
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
    fields.add(
        new Schema.Field("destinationName", optionalString, "later", JsonProperties.NULL_VALUE));
    return Schema.createRecord(
        current.getName(), current.getDoc(), current.getNamespace(), false, fields);
  }

  private static GenericRecord params(Schema schema, Integer percent, String name) {
    GenericRecord r = new GenericData.Record(schema);
    r.put("percent", percent);
    r.put("destinationName", name);
    return r;
  }

  @Test
  void shouldCoverAParameterFieldAddedToTheSchemaLater() {
    Schema later = withExtraField();

    String berlin =
        Fingerprint.of("veh-1", "user-1", "SET_DESTINATION", params(later, null, "Berlin"));
    String paris =
        Fingerprint.of("veh-1", "user-1", "SET_DESTINATION", params(later, null, "Paris"));
    String none = Fingerprint.of("veh-1", "user-1", "SET_DESTINATION", params(later, null, null));

    assertThat(berlin).isNotEqualTo(paris).isNotEqualTo(none);
  }

  @Test
  void shouldKeepTheFingerprintOfCommandsThatLeaveTheNewFieldAtItsDefault() {
    String today = Fingerprint.of(request("veh-1", CommandType.SET_CHARGE_LIMIT, 80));
    String afterUpgrade =
        Fingerprint.of("veh-1", "user-1", "SET_CHARGE_LIMIT", params(withExtraField(), 80, null));

    assertThat(afterUpgrade).isEqualTo(today);
  }

  @Test
  void shouldTellApartTwoDifferentCommandsWithOneCommandId() {
    String limit80 = Fingerprint.of(request("veh-1", CommandType.SET_CHARGE_LIMIT, 80));

    assertThat(Fingerprint.of(request("veh-1", CommandType.SET_CHARGE_LIMIT, 81)))
        .isNotEqualTo(limit80);
    assertThat(Fingerprint.of(request("veh-2", CommandType.SET_CHARGE_LIMIT, 80)))
        .isNotEqualTo(limit80);
    assertThat(Fingerprint.of(request("veh-1", CommandType.LOCK, 80))).isNotEqualTo(limit80);
    assertThat(Fingerprint.of(request("veh-1", CommandType.SET_CHARGE_LIMIT, 80)))
        .isEqualTo(limit80);
  }

  @Test
  void shouldStillRecogniseALedgerEntryWrittenWithTheOldFingerprint() {
    CommandRequest r = request("veh-1", CommandType.SET_CHARGE_LIMIT, 80);
    String old = Fingerprint.legacy(r);

    assertThat(Fingerprint.matches(old, r, Fingerprint.of(r))).isTrue();
    assertThat(
            Fingerprint.matches(
                old,
                request("veh-1", CommandType.SET_CHARGE_LIMIT, 81),
                Fingerprint.of(request("veh-1", CommandType.SET_CHARGE_LIMIT, 81))))
        .isFalse();
  }

  @Test
  void shouldAnswerAReusedCommandIdWithOtherParametersAsAConflictNotARepeat() {
    IdempotencyLedger ledger = new IdempotencyLedger((e, partition) -> null);
    CommandRequest first = request("veh-1", CommandType.SET_CHARGE_LIMIT, 80);
    ledger.restore(LedgerEntry.started("c1", Fingerprint.of(first), 1, T0));
    CommandRequest other = request("veh-1", CommandType.UNLOCK, null);

    assertThat(ledger.lookup(other, Fingerprint.of(other)).kind())
        .isEqualTo(IdempotencyLedger.Kind.CONFLICT);
  }
}
