package io.smartcarpipeline.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void secretNamesAreHiddenWhateverTheirSpelling() {
    Map<String, String> printed =
        Redaction.map(
            Map.of(
                "SMARTCAR_CLIENT_SECRET", "a",
                "SMARTCAR_MANAGEMENT_TOKEN", "b",
                "sasl.jaas.config", "c",
                "ssl.truststore.password", "d",
                "basic.auth.user.info", "e",
                "ssl.keystore.key", "f",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092"));

    assertThat(printed)
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:9092")
        .containsEntry("SMARTCAR_CLIENT_SECRET", Redaction.HIDDEN)
        .containsEntry("SMARTCAR_MANAGEMENT_TOKEN", Redaction.HIDDEN)
        .containsEntry("sasl.jaas.config", Redaction.HIDDEN)
        .containsEntry("ssl.truststore.password", Redaction.HIDDEN)
        .containsEntry("basic.auth.user.info", Redaction.HIDDEN)
        .containsEntry("ssl.keystore.key", Redaction.HIDDEN);
  }

  @Test
  void userInfoInAUrlIsHidden() {
    assertThat(Redaction.value("SCHEMA_REGISTRY_URL", "https://app:pw@registry:8081/x,http://r2"))
        .isEqualTo("https://[hidden]@registry:8081/x,http://r2");
  }
}
