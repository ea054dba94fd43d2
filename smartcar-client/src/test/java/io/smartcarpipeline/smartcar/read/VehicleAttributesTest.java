package io.smartcarpipeline.smartcar.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VehicleAttributesTest {

  @Test
  void documentedShapeIsRead() {
    VehicleAttributes v =
        VehicleAttributes.parse(
            "{\"data\":{\"id\":\"v1\",\"type\":\"vehicle\",\"attributes\":{\"make\":\"TESLA\","
                + "\"model\":\"Model 3\",\"year\":2024,\"mode\":\"live\",\"powertrainType\":\"BEV\"},"
                + "\"links\":{\"self\":\"/vehicles/v1\"}}}");

    assertThat(v).isEqualTo(new VehicleAttributes("v1", "TESLA", "Model 3", 2024, "live", "BEV"));
  }

  @Test
  void flatAttributesAndTextYearAreAccepted() {
    VehicleAttributes v =
        VehicleAttributes.parse("{\"data\":{\"id\":\"v1\",\"make\":\"FORD\",\"year\":\"2021\"}}");

    assertThat(v.make()).isEqualTo("FORD");
    assertThat(v.year()).isEqualTo(2021);
    assertThat(v.model()).isNull();
  }

  @Test
  void malformedAnswerGivesNullsNotAnError() {
    assertThat(VehicleAttributes.parse("not json").make()).isNull();
    assertThat(VehicleAttributes.parse("{\"data\":[1,2]}").year()).isNull();
    assertThat(VehicleAttributes.parse("{\"data\":{\"attributes\":{\"year\":\"soon\"}}}").year())
        .isNull();
  }
}
