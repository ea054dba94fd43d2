package io.smartcarpipeline.gateway.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.GridCell;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.ValueKind;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TyrePressuresTest {

  /**
   * The {@code wheel-tires} body exactly as captured from a live delivery (Jaguar I-PACE 2021,
   * {@code tube0013/Smartcar-HA} {@code tests/fixtures/webhooks/jaguar_ipace2_all.json} at 39d49ab,
   * Apache-2.0): labelled bar, magnitudes in kPa.
   */
  private static final String CAPTURED_BODY =
      """
      {"values":[{"row":0,"column":1,"tirePressure":699.9},{"row":0,"column":0,"tirePressure":258},\
      {"row":1,"column":1,"tirePressure":258},{"row":1,"column":0,"tirePressure":258}],\
      "rowCount":2,"columnCount":2,"unit":"bar"}""";

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void capturedKpaMagnitudesLabelledBarBecomeBar() throws Exception {
    SignalValue v = SignalValueMapper.map("wheel-tires", body(CAPTURED_BODY), new HashSet<>());

    assertThat(v.getKind()).isEqualTo(ValueKind.GRID);
    assertThat(v.getUnit()).isEqualTo("bar");
    assertThat(v.getSourceUnit()).isEqualTo("bar");
    assertThat(v.getGrid())
        .extracting(
            GridCell::getRow, GridCell::getColumn, c -> Math.round(c.getReading() * 1000) / 1000.0)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 1, 6.999),
            org.assertj.core.groups.Tuple.tuple(0, 0, 2.58),
            org.assertj.core.groups.Tuple.tuple(1, 1, 2.58),
            org.assertj.core.groups.Tuple.tuple(1, 0, 2.58));
    assertThat(v.getBodyJson()).contains("258");
  }

  @Test
  void plausibleBarReadingsStayAsSent() throws Exception {
    String bar =
        "{\"values\":[{\"row\":0,\"column\":0,\"tirePressure\":2.6}],\"rowCount\":1,"
            + "\"columnCount\":1,\"unit\":\"bar\"}";

    SignalValue v = SignalValueMapper.map("wheel-tires", body(bar), new HashSet<>());

    assertThat(v.getGrid()).extracting(GridCell::getReading).containsExactly(2.6);
  }

  @Test
  void kpaAndPsiAreNotTouched() throws Exception {
    String kpa =
        "{\"values\":[{\"row\":0,\"column\":0,\"tirePressure\":258}],\"rowCount\":1,"
            + "\"columnCount\":1,\"unit\":\"kPa\"}";

    SignalValue v = SignalValueMapper.map("wheel-tires", body(kpa), new HashSet<>());

    assertThat(v.getUnit()).isEqualTo("kPa");
    assertThat(v.getGrid()).extracting(GridCell::getReading).containsExactly(258.0);
  }

  private JsonNode body(String text) throws Exception {
    return json.readTree(text);
  }
}
