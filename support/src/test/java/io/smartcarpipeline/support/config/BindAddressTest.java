package io.smartcarpipeline.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BindAddressTest {

  @Test
  void loopbackWhenNotSet() {
    assertThat(BindAddress.from(Settings.of(Map.of()))).isEqualTo("127.0.0.1");
  }

  @Test
  void theSettingOpensOnPurpose() {
    assertThat(BindAddress.from(Settings.of(Map.of("BIND_ADDRESS", "0.0.0.0"))))
        .isEqualTo("0.0.0.0");
    assertThat(BindAddress.from(Settings.of(Map.of("BIND_ADDRESS", "::")))).isEqualTo("::");
    assertThat(BindAddress.from(Settings.of(Map.of("BIND_ADDRESS", "10.1.2.3"))))
        .isEqualTo("10.1.2.3");
  }

  @Test
  void aUrlOrAListIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () -> BindAddress.from(Settings.of(Map.of("BIND_ADDRESS", "http://0.0.0.0:8080"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BIND_ADDRESS")
        .hasMessageContaining("0.0.0.0 (every interface)");
    assertThatThrownBy(
            () -> BindAddress.from(Settings.of(Map.of("BIND_ADDRESS", "127.0.0.1,10.0.0.1"))))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void loopbackAndEveryInterfaceAreReachedAsLocalhostOneInterfaceIsNot() {
    assertThat(BindAddress.reachableAsLocalhost("127.0.0.1")).isTrue();
    assertThat(BindAddress.reachableAsLocalhost("0.0.0.0")).isTrue();
    assertThat(BindAddress.reachableAsLocalhost("::")).isTrue();
    assertThat(BindAddress.reachableAsLocalhost("192.168.1.20")).isFalse();
  }

  @Test
  void everyServiceDefaultsToLoopback() {
    assertThat(CommonSettings.DEFAULTS).containsEntry("BIND_ADDRESS", "127.0.0.1");
  }
}
