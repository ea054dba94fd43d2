package io.smartcarpipeline.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GatewayMetrics metrics = new GatewayMetrics(registry);

  @Test
  void unknownUnitsAreCountedPerUnit() {
    metrics.unknownUnits(List.of("furlongs", "furlongs", "stone"));

    assertThat(registry.get("gateway.unknown.units").tag("unit", "furlongs").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("gateway.unknown.units").tag("unit", "stone").counter().count())
        .isEqualTo(1);
  }

  @Test
  void unknownUnitTagsAreCappedSoASenderCannotExplodeTheSeries() {
    List<String> many = IntStream.range(0, 500).mapToObj(i -> "unit-" + i).toList();

    metrics.unknownUnits(many);

    assertThat(registry.get("gateway.unknown.units").counters())
        .hasSize(GatewayMetrics.MAX_UNIT_TAGS + 1);
    assertThat(
            registry
                .get("gateway.unknown.units")
                .tag("unit", GatewayMetrics.OTHER_UNIT)
                .counter()
                .count())
        .isEqualTo(500 - GatewayMetrics.MAX_UNIT_TAGS);
  }
}
