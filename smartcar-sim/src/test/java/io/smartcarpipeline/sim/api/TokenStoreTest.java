package io.smartcarpipeline.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final TokenStore store = new TokenStore("client_a", "s3cret", Duration.ofHours(1), clock);

  @Test
  void shouldAuthenticateOnlyTheConfiguredCredentials() {
    assertThat(store.authenticates("client_a", "s3cret")).isTrue();
    assertThat(store.authenticates("client_a", "wrong")).isFalse();
    assertThat(store.authenticates("client_b", "s3cret")).isFalse();
    assertThat(store.authenticates(null, "s3cret")).isFalse();
  }

  @Test
  void shouldExpireTokensAfterTheirLifetime() {
    String token = store.issue();

    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(store.isValid(token)).isTrue();
    clock.advance(Duration.ofSeconds(1));

    assertThat(store.isValid(token)).isFalse();
  }

  @Test
  void shouldRejectUnknownAndRevokedTokens() {
    String token = store.issue();

    assertThat(store.isValid("sim_made_up")).isFalse();
    assertThat(store.isValid(null)).isFalse();
    store.revokeAll();

    assertThat(store.isValid(token)).isFalse();
  }
}
