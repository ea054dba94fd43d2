package io.smartcarpipeline.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Smartcar's {@code SC-Signature} and answers the VERIFY challenge (docs/smartcar-v3.md
 * §2.1, §2.2). Rule: the signature is hex HMAC-SHA256 of the raw body bytes exactly as received,
 * keyed with the management token (or, during a rotation, the previous one), compared in constant
 * time. Thread-safe: each thread reuses its own initialised {@link Mac} per key ({@code doFinal}
 * resets it), so a delivery pays neither the provider lookup nor the key set-up.
 */
public final class SignatureVerifier {

  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final ThreadLocal<Mac> currentKey;
  private final Optional<ThreadLocal<Mac>> previousKey;

  /** The outcome of checking one delivery's signature header. */
  public enum Verdict {
    /** Signed with the current management token. */
    CURRENT_KEY,
    /** Signed with the previous management token (rotation in progress). */
    PREVIOUS_KEY,
    /** No {@code SC-Signature} header. */
    MISSING,
    /** A header that matches neither key, or is not hex. */
    INVALID;

    /** Whether the delivery is authenticated. */
    public boolean valid() {
      return this == CURRENT_KEY || this == PREVIOUS_KEY;
    }
  }

  public SignatureVerifier(String managementToken, Optional<String> previousManagementToken) {
    SecretKeySpec current = key(Objects.requireNonNull(managementToken, "managementToken"));
    this.currentKey = ThreadLocal.withInitial(() -> mac(current));
    this.previousKey =
        previousManagementToken
            .filter(t -> !t.isBlank())
            .map(SignatureVerifier::key)
            .map(k -> ThreadLocal.withInitial(() -> mac(k)));
  }

  /** Checks {@code signatureHeader} (may be null) against the raw {@code body}. */
  public Verdict verify(byte[] body, String signatureHeader) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return Verdict.MISSING;
    }
    byte[] given;
    try {
      given = HEX.parseHex(signatureHeader.trim());
    } catch (IllegalArgumentException notHex) {
      return Verdict.INVALID;
    }
    // Both keys are always computed, so timing does not tell which key matched.
    boolean current = MessageDigest.isEqual(currentKey.get().doFinal(body), given);
    boolean previous =
        previousKey.map(k -> MessageDigest.isEqual(k.get().doFinal(body), given)).orElse(false);
    if (current) {
      return Verdict.CURRENT_KEY;
    }
    return previous ? Verdict.PREVIOUS_KEY : Verdict.INVALID;
  }

  /**
   * The VERIFY answer: lowercase hex HMAC-SHA256 of the challenge's UTF-8 bytes under the current
   * management token (what Smartcar's SDKs call {@code hashChallenge}).
   */
  public String answerChallenge(String challenge) {
    return HEX.formatHex(currentKey.get().doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
  }

  /** Hex HMAC-SHA256 of {@code body} under {@code key}: what a sender puts in SC-Signature. */
  public static String sign(String key, byte[] body) {
    return HEX.formatHex(mac(key(key)).doFinal(body));
  }

  private static SecretKeySpec key(String token) {
    return new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
  }

  private static Mac mac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
