package io.smartcarpipeline.sim.fleet;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Smartcar's webhook signature (docs/smartcar-v3.md §2.1, §2.2): lowercase hex HMAC-SHA256 under
 * the application management token, over the raw body bytes ({@code SC-Signature}) or over the
 * VERIFY challenge string (the expected {@code challenge} answer). Rule: the bytes signed are
 * exactly the bytes sent; nothing is re-serialised.
 */
public final class WebhookSigner {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public WebhookSigner(String managementToken) {
    if (managementToken == null || managementToken.isEmpty()) {
      throw new IllegalArgumentException("the management token must not be empty");
    }
    this.key = new SecretKeySpec(managementToken.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The {@code SC-Signature} value for these body bytes. */
  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The answer a gateway must give to a VERIFY challenge. */
  public String hashChallenge(String challenge) {
    return sign(challenge.getBytes(StandardCharsets.UTF_8));
  }
}
