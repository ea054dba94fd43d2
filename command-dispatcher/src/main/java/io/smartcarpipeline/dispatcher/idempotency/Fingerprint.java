package io.smartcarpipeline.dispatcher.idempotency;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests with one commandId "the same command": vehicle, user, type and parameters
 * (not requestedAt, expiresAt or requestedBy, which a resending client may change). SHA-256 of a
 * canonical string, so the ledger stores no user id in clear.
 */
public final class Fingerprint {

  private Fingerprint() {}

  public static String of(CommandRequest r) {
    CommandParameters p = r.getParameters();
    String canonical =
        String.join(
            "|",
            r.getVehicleId(),
            r.getUserId(),
            r.getType().name(),
            p == null ? "" : String.valueOf(p.getPercent()),
            p == null ? "" : String.valueOf(p.getLatitude()),
            p == null ? "" : String.valueOf(p.getLongitude()));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
