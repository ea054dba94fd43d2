package io.smartcarpipeline.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcePolicyTest {

  private static SourcePolicy policy(String allowed, String proxies) {
    return SourcePolicy.from(
        Settings.of(
            Map.of(SourcePolicy.ALLOWED_SOURCES, allowed, SourcePolicy.TRUSTED_PROXIES, proxies)));
  }

  @Test
  void withoutAnAllowListEverySourceMayDeliver() {
    SourcePolicy open = SourcePolicy.from(Settings.of(Map.of()));

    assertThat(open.allows("198.51.100.7")).isTrue();
    assertThat(open.signatureFailuresPerMinute()).isZero();
  }

  @Test
  void cidrBlocksAndSingleAddressesBothIpVersions() {
    SourcePolicy p = policy("203.0.113.0/24, 198.51.100.7, 2001:db8::/32", "");

    assertThat(p.allows("203.0.113.255")).isTrue();
    assertThat(p.allows("203.0.114.1")).isFalse();
    assertThat(p.allows("198.51.100.7")).isTrue();
    assertThat(p.allows("198.51.100.8")).isFalse();
    assertThat(p.allows("2001:db8:1::9")).isTrue();
    assertThat(p.allows("2001:db9::1")).isFalse();
    assertThat(p.allows("not-an-address")).isFalse();
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    SourcePolicy noProxy = policy("203.0.113.0/24", "");
    SourcePolicy proxied = policy("203.0.113.0/24", "10.0.0.0/8");

    assertThat(noProxy.client("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
    assertThat(proxied.client("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
    assertThat(proxied.client("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void theRightMostUntrustedHopIsTheClient() {
    SourcePolicy p = policy("", "10.0.0.0/8");

    assertThat(p.client("10.0.0.1", "203.0.113.9, 198.51.100.7, 10.0.0.2"))
        .isEqualTo("198.51.100.7");
    assertThat(p.client("10.0.0.1", "10.0.0.3")).isEqualTo("10.0.0.1");
  }

  @Test
  void aHostNameOrABadPrefixIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> policy("smartcar.com", ""))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SourcePolicy.ALLOWED_SOURCES)
        .hasMessageContaining("203.0.113.0/24");
    assertThatThrownBy(() -> policy("", "10.0.0.0/33"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SourcePolicy.TRUSTED_PROXIES);
    assertThatThrownBy(
            () ->
                SourcePolicy.from(
                    Settings.of(Map.of(SourcePolicy.SIGNATURE_FAILURES_PER_MINUTE, "-1"))))
        .isInstanceOf(ConfigException.class);
  }
}
