package io.smartcarpipeline.dispatcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherConfigTest {

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("SMARTCAR_CLIENT_ID", "client_x");
    env.put("SMARTCAR_CLIENT_SECRET", "s3cret");
    env.put("DISPATCHER_INSTANCE_ID", "i1");
    return env;
  }

  @Test
  void shouldUseTheDocumentedDefaults() {
    DispatcherConfig c = DispatcherConfig.from(Settings.of(minimal()));

    assertThat(c.apiOrigin()).isEqualTo("https://vehicle.api.smartcar.com/v3");
    assertThat(c.iamOrigin()).isEqualTo("https://iam.smartcar.com");
    assertThat(c.port()).isEqualTo(8083);
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(310));
    assertThat(c.transactionalId()).isEqualTo("command-dispatcher-i1");
    assertThat(c.budget().bucketCapacity()).isEqualTo(72);
    assertThat(c.budget().refillPerMinute()).isEqualTo(1.2);
    assertThat(c.httpMaxConnections()).isEqualTo(5000);
  }

  @Test
  void shouldTakeTheHttpPoolSizeFromTheSettingAndRefuseZero() {
    Map<String, String> env = minimal();
    env.put("DISPATCHER_HTTP_MAX_CONNECTIONS", "20000");
    assertThat(DispatcherConfig.from(Settings.of(env)).httpMaxConnections()).isEqualTo(20000);

    env.put("DISPATCHER_HTTP_MAX_CONNECTIONS", "0");
    assertThatThrownBy(() -> DispatcherConfig.from(Settings.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DISPATCHER_HTTP_MAX_CONNECTIONS");
  }

  @Test
  void shouldRefuseToStartWithoutTheClientSecret() {
    Map<String, String> env = minimal();
    env.remove("SMARTCAR_CLIENT_SECRET");

    assertThatThrownBy(() -> DispatcherConfig.from(Settings.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMARTCAR_CLIENT_SECRET");
  }

  @Test
  void shouldNameTheKeyOfABadValue() {
    Map<String, String> env = minimal();
    env.put("DISPATCHER_RETRY_MAX_BACKOFF", "soon");
    env.put("SMARTCAR_API_V3_ORIGIN", "not a url");

    assertThatThrownBy(() -> DispatcherConfig.from(Settings.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DISPATCHER_RETRY_MAX_BACKOFF");
  }

  @Test
  void shouldRejectAnInvalidRetryPolicy() {
    Map<String, String> env = minimal();
    env.put("DISPATCHER_RETRY_MAX_ATTEMPTS", "0");

    assertThatThrownBy(() -> DispatcherConfig.from(Settings.of(env)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void shouldNeverPrintTheSecret() {
    assertThat(DispatcherConfig.from(Settings.of(minimal())).toString()).doesNotContain("s3cret");
  }
}
