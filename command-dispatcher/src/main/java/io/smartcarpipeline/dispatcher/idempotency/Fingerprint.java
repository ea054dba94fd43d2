package io.smartcarpipeline.dispatcher.idempotency;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * What makes two requests with one commandId "the same command": vehicle, user, type and the whole
 * parameters record (not requestedAt, expiresAt or requestedBy, which a resending client may
 * change). SHA-256 of a canonical string, so the ledger stores no user id in clear.
 *
 * <p>The parameters are read from their Avro schema, field by field in name order, so a field added
 * to {@code CommandParameters} later is covered without touching this class. A field left at its
 * schema default is skipped: adding an optional field does not change the fingerprint of commands
 * that do not use it (a command resent across that upgrade is still a repeat). Fingerprints carry a
 * {@code v2:} prefix; ledger entries written before (without it) are compared with {@link #legacy}.
 */
public final class Fingerprint {

  static final String VERSION = "v2:";

  private Fingerprint() {}

  public static String of(CommandRequest r) {
    return of(r.getVehicleId(), r.getUserId(), r.getType().name(), r.getParameters());
  }

  /** The fingerprint of a command with these fields and this parameters record (may be null). */
  public static String of(String vehicleId, String userId, String type, IndexedRecord parameters) {
    return VERSION
        + sha256(String.join("|", vehicleId, String.valueOf(userId), type, canonical(parameters)));
  }

  /** Whether a stored fingerprint names the same command as {@code request}. */
  public static boolean matches(String stored, CommandRequest request, String fingerprint) {
    if (stored.equals(fingerprint)) {
      return true;
    }
    return !stored.startsWith(VERSION) && stored.equals(legacy(request));
  }

  /** The fingerprint before v2: fixed fields, kept to recognise entries already in the ledger. */
  static String legacy(CommandRequest r) {
    CommandParameters p = r.getParameters();
    return sha256(
        String.join(
            "|",
            r.getVehicleId(),
            r.getUserId(),
            r.getType().name(),
            p == null ? "" : String.valueOf(p.getPercent()),
            p == null ? "" : String.valueOf(p.getLatitude()),
            p == null ? "" : String.valueOf(p.getLongitude())));
  }

  /** {@code name=value;} for every field that is not at its default, in name order. */
  static String canonical(IndexedRecord record) {
    if (record == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    record.getSchema().getFields().stream()
        .sorted(Comparator.comparing(Schema.Field::name))
        .forEach(
            f -> {
              Object value = record.get(f.pos());
              if (!atDefault(f, value)) {
                sb.append(f.name())
                    .append('=')
                    .append(GenericData.get().toString(value))
                    .append(';');
              }
            });
    return sb.toString();
  }

  private static boolean atDefault(Schema.Field f, Object value) {
    if (!f.hasDefaultValue()) {
      return false;
    }
    try {
      Object def = GenericData.get().getDefaultValue(f);
      return Objects.equals(def, value)
          || (def != null && value != null && def.toString().equals(value.toString()));
    } catch (AvroRuntimeException e) {
      return false;
    }
  }

  private static String sha256(String canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
