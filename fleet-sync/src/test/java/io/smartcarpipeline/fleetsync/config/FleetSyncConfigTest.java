package io.smartcarpipeline.fleetsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.smartcar.fleet.SubscriptionPathStyle;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSyncConfigTest {

  private static Map<String, String> required() {
    Map<String, String> s = new HashMap<>();
    s.put("SMARTCAR_CLIENT_ID", "id");
    s.put("SMARTCAR_CLIENT_SECRET", "very-secret");
    return s;
  }

  @Test
  void defaultsFollowTheDesign() {
    FleetSyncConfig c = FleetSyncConfig.from(Settings.of(required()));

    assertThat(c.port()).isEqualTo(8084);
    assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(c.pathStyle()).isEqualTo(SubscriptionPathStyle.WEBHOOK);
    assertThat(c.syncInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.webhookIds()).isEmpty();
    assertThat(c.origins().management()).isEqualTo("https://management.api.smartcar.com/v3");
    assertThat(c.origins().compatibility()).isEqualTo("https://compatibility.api.smartcar.com/v3");
    assertThat(c.toString()).doesNotContain("very-secret");
  }

  @Test
  void readsListsAndTheFlatStyle() {
    Map<String, String> s = required();
    s.put("SMARTCAR_WEBHOOK_IDS", " wh-1, wh-2 ,,wh-1");
    s.put("FLEET_SYNC_EXCLUDED_VEHICLES", "v1,v2");
    s.put("SMARTCAR_SUBSCRIPTION_PATH_STYLE", "FLAT");
    s.put("SMARTCAR_MANAGEMENT_API_ORIGIN", "http://localhost:8090/management/v3/");

    FleetSyncConfig c = FleetSyncConfig.from(Settings.of(s));

    assertThat(c.webhookIds()).containsExactly("wh-1", "wh-2");
    assertThat(c.excludedVehicles()).containsExactlyInAnyOrder("v1", "v2");
    assertThat(c.pathStyle()).isEqualTo(SubscriptionPathStyle.FLAT);
    assertThat(c.origins().management()).isEqualTo("http://localhost:8090/management/v3");
  }

  @Test
  void listensWhereBindAddressSays() {
    Map<String, String> all = required();
    all.put("BIND_ADDRESS", "0.0.0.0");
    assertThat(FleetSyncConfig.from(Settings.of(all)).bindAddress()).isEqualTo("0.0.0.0");

    Map<String, String> bad = required();
    bad.put("BIND_ADDRESS", "http://0.0.0.0");
    assertThatThrownBy(() -> FleetSyncConfig.from(Settings.of(bad)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BIND_ADDRESS");
  }

  @Test
  void badValuesNameTheirSetting() {
    Map<String, String> style = required();
    style.put("SMARTCAR_SUBSCRIPTION_PATH_STYLE", "nested");
    assertThatThrownBy(() -> FleetSyncConfig.from(Settings.of(style)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMARTCAR_SUBSCRIPTION_PATH_STYLE")
        .hasMessageContaining("flat");

    Map<String, String> page = required();
    page.put("FLEET_SYNC_PAGE_SIZE", "500");
    assertThatThrownBy(() -> FleetSyncConfig.from(Settings.of(page)))
        .hasMessageContaining("FLEET_SYNC_PAGE_SIZE");

    assertThatThrownBy(() -> FleetSyncConfig.from(Settings.of(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMARTCAR_CLIENT_ID");
  }
}
