package io.smartcarpipeline.smartcar.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.smartcar.budget.BudgetSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmartcarClientSettingsTest {

  private static final SmartcarClientSettings.Keys DISPATCHER =
      new SmartcarClientSettings.Keys("DISPATCHER_", 72, 1.2);
  private static final SmartcarClientSettings.Keys FLEET_SYNC =
      new SmartcarClientSettings.Keys("FLEET_SYNC_", 48, 0.8);

  private static Map<String, String> credentials() {
    Map<String, String> s = new HashMap<>();
    s.put("SMARTCAR_CLIENT_ID", "client_x");
    s.put("SMARTCAR_CLIENT_SECRET", "s3cret");
    return s;
  }

  @Test
  void shouldDefaultToTheServicesShareAndTheCommonRest() {
    SmartcarClientSettings c = SmartcarClientSettings.from(Settings.of(credentials()), DISPATCHER);

    assertThat(c.clientId()).isEqualTo("client_x");
    assertThat(c.clientSecret()).isEqualTo("s3cret");
    assertThat(c.apiOrigin()).isEqualTo("https://vehicle.api.smartcar.com/v3");
    assertThat(c.iamOrigin()).isEqualTo("https://iam.smartcar.com");
    assertThat(c.tokenRenewBefore()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.budget())
        .isEqualTo(
            new BudgetSettings(
                72, 1.2, Duration.ofSeconds(1), 20, 10, 0.5, Duration.ofSeconds(30)));
    BudgetSettings fleetSync =
        SmartcarClientSettings.from(Settings.of(credentials()), FLEET_SYNC).budget();
    assertThat(fleetSync.bucketCapacity()).isEqualTo(48);
    assertThat(fleetSync.refillPerMinute()).isEqualTo(0.8);
  }

  @Test
  void shouldReadOnlyTheKeysUnderTheServicesPrefix() {
    Map<String, String> s = credentials();
    s.put("FLEET_SYNC_RATE_BUCKET_CAPACITY", "5");
    s.put("DISPATCHER_RATE_BUCKET_CAPACITY", "36");
    s.put("DISPATCHER_RATE_REFILL_PER_MINUTE", "0.6");
    s.put("DISPATCHER_VEHICLE_SPACING", "2s");
    s.put("DISPATCHER_BREAKER_WINDOW", "8");
    s.put("DISPATCHER_BREAKER_MIN_CALLS", "4");
    s.put("DISPATCHER_BREAKER_FAILURE_RATE", "1");
    s.put("DISPATCHER_BREAKER_OPEN_FOR", "1m");
    s.put("DISPATCHER_TOKEN_RENEW_BEFORE", "90s");
    s.put("SMARTCAR_API_V3_ORIGIN", "http://localhost:8090/v3/");

    SmartcarClientSettings c = SmartcarClientSettings.from(Settings.of(s), DISPATCHER);

    assertThat(c.budget())
        .isEqualTo(
            new BudgetSettings(36, 0.6, Duration.ofSeconds(2), 8, 4, 1.0, Duration.ofMinutes(1)));
    assertThat(c.tokenRenewBefore()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.apiOrigin()).isEqualTo("http://localhost:8090/v3");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "DISPATCHER_RATE_BUCKET_CAPACITY, 0",
    "DISPATCHER_RATE_BUCKET_CAPACITY, many",
    "DISPATCHER_RATE_REFILL_PER_MINUTE, 0",
    "DISPATCHER_RATE_REFILL_PER_MINUTE, NaN",
    "DISPATCHER_VEHICLE_SPACING, soon",
    "DISPATCHER_BREAKER_WINDOW, 0",
    "DISPATCHER_BREAKER_MIN_CALLS, 21",
    "DISPATCHER_BREAKER_FAILURE_RATE, 0",
    "DISPATCHER_BREAKER_FAILURE_RATE, 1.5",
    "DISPATCHER_BREAKER_OPEN_FOR, 0s",
    "DISPATCHER_TOKEN_RENEW_BEFORE, soon",
    "SMARTCAR_API_V3_ORIGIN, ftp://vehicle.api.smartcar.com",
    "SMARTCAR_IAM_ORIGIN, iam.smartcar.com",
  })
  void shouldNameTheKeyOfABadValue(String key, String value) {
    Map<String, String> s = credentials();
    s.put(key, value);

    assertThatThrownBy(() -> SmartcarClientSettings.from(Settings.of(s), DISPATCHER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }

  @Test
  void shouldNameAMissingCredential() {
    Map<String, String> noSecret = credentials();
    noSecret.remove("SMARTCAR_CLIENT_SECRET");

    assertThatThrownBy(() -> SmartcarClientSettings.from(Settings.of(noSecret), DISPATCHER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMARTCAR_CLIENT_SECRET");
    assertThatThrownBy(() -> SmartcarClientSettings.from(Settings.of(Map.of()), DISPATCHER))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMARTCAR_CLIENT_ID");
  }

  @Test
  void shouldNeverPrintTheSecret() {
    String printed = SmartcarClientSettings.from(Settings.of(credentials()), DISPATCHER).toString();

    assertThat(printed).doesNotContain("s3cret").contains("client_x", "72");
  }

  @Test
  void shouldDeclareEveryKeyItReadsWithItsDefault() {
    assertThat(FLEET_SYNC.defaults())
        .containsOnly(
            Map.entry("SMARTCAR_API_V3_ORIGIN", "https://vehicle.api.smartcar.com/v3"),
            Map.entry("SMARTCAR_IAM_ORIGIN", "https://iam.smartcar.com"),
            Map.entry("FLEET_SYNC_TOKEN_RENEW_BEFORE", "5m"),
            Map.entry("FLEET_SYNC_RATE_BUCKET_CAPACITY", "48"),
            Map.entry("FLEET_SYNC_RATE_REFILL_PER_MINUTE", "0.8"),
            Map.entry("FLEET_SYNC_VEHICLE_SPACING", "1s"),
            Map.entry("FLEET_SYNC_BREAKER_WINDOW", "20"),
            Map.entry("FLEET_SYNC_BREAKER_MIN_CALLS", "10"),
            Map.entry("FLEET_SYNC_BREAKER_FAILURE_RATE", "0.5"),
            Map.entry("FLEET_SYNC_BREAKER_OPEN_FOR", "30s"));
  }

  @Test
  void shouldLetAServicesOwnDefaultWinWhenMerged() {
    Map<String, String> merged =
        FLEET_SYNC.defaultsWith(
            Map.of("FLEET_SYNC_PORT", "8084", "FLEET_SYNC_VEHICLE_SPACING", "2s"));

    assertThat(merged)
        .containsEntry("FLEET_SYNC_PORT", "8084")
        .containsEntry("FLEET_SYNC_VEHICLE_SPACING", "2s")
        .containsEntry("FLEET_SYNC_RATE_BUCKET_CAPACITY", "48");
  }

  @Test
  void shouldRefuseAPrefixOrDefaultShareThatCannotWork() {
    assertThatThrownBy(() -> new SmartcarClientSettings.Keys("DISPATCHER", 72, 1.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmartcarClientSettings.Keys("DISPATCHER_", 0, 1.2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmartcarClientSettings.Keys("DISPATCHER_", 72, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
