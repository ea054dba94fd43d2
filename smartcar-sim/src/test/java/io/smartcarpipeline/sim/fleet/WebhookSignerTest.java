package io.smartcarpipeline.sim.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void shouldProduceTheKnownHmacSha256Vector() {
    WebhookSigner signer = new WebhookSigner("key");

    String signature =
        signer.sign("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

    assertThat(signature)
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void shouldHashTheChallengeAsItsUtf8Bytes() {
    WebhookSigner signer = new WebhookSigner("amt-secret");

    assertThat(signer.hashChallenge("any-abcd"))
        .isEqualTo(signer.sign("any-abcd".getBytes(StandardCharsets.UTF_8)))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void shouldRefuseAnEmptyToken() {
    assertThatThrownBy(() -> new WebhookSigner("")).isInstanceOf(IllegalArgumentException.class);
  }
}
