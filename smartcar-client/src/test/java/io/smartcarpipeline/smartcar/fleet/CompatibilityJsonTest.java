package io.smartcarpipeline.smartcar.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatibilityJsonTest {

  @Test
  void readsTheStandInsShape() {
    String body =
        """
        {"data":[{"type":"compatible-vehicle","attributes":{"make":"TESLA","model":"Model 3",
          "year":2021,"region":"US",
          "signals":[{"code":"charge-ischarging","supported":true},
                     {"code":"tractionbattery-stateofcharge","supported":false}],
          "commands":[{"type":"LOCK","code":"security-lock","supported":true}]}}]}
        """;

    CompatibilityReport r = CompatibilityJson.read(body).orElseThrow();

    assertThat(r.region()).isEqualTo("US");
    assertThat(r.signals())
        .containsEntry("charge-ischarging", true)
        .containsEntry("tractionbattery-stateofcharge", false);
    assertThat(r.commands()).containsExactly(Map.entry("LOCK", true));
  }

  @Test
  void readsCapabilitiesAndTheDashboardMatrixValuesAndKeepsUnknownsUnknown() {
    String body =
        """
        {"data":{"attributes":{
          "capabilities":[{"permission":"read_battery","capable":true},
                          {"endpoint":"/charge","capable":"N/A"}],
          "commands":{"UNLOCK":"TRUE","LOCK":"-","START_CHARGING":"maybe"}}}}
        """;

    CompatibilityReport r = CompatibilityJson.read(body).orElseThrow();

    assertThat(r.signals()).containsEntry("read_battery", true).containsEntry("/charge", false);
    Map<String, Boolean> expected = new HashMap<>();
    expected.put("UNLOCK", true);
    expected.put("LOCK", false);
    expected.put("START_CHARGING", null);
    assertThat(r.commands()).isEqualTo(expected);
  }

  @Test
  void anAnswerWithoutAVehicleIsNoReportAndNeverAnError() {
    assertThat(CompatibilityJson.read("{\"data\":[]}")).isEmpty();
    assertThat(CompatibilityJson.read("not json")).isEmpty();
    assertThat(CompatibilityJson.read(null)).isEmpty();
    assertThat(CompatibilityJson.read("{\"data\":[{\"attributes\":{}}]}").orElseThrow().empty())
        .isTrue();
  }
}
