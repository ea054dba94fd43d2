package io.smartcarpipeline.gateway.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smartcarpipeline.events.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's meters, shared by every verticle instance. Prometheus names: {@code
 * gateway_requests_total{outcome}}, {@code gateway_signature_failures_total{reason}}, {@code
 * gateway_produce_latency_seconds} (histogram), {@code gateway_events_total{type}}, {@code
 * gateway_unknown_units_total{unit}}, {@code gateway_connections_refused_total}. Rule: tag values
 * come from closed sets; the one open set (unknown unit strings from payloads) is capped so a bad
 * sender cannot explode the series count.
 */
public final class GatewayMetrics {

  static final int MAX_UNIT_TAGS = 50;
  static final String OTHER_UNIT = "other";

  private final MeterRegistry registry;
  private final Timer produceLatency;
  private final Counter connectionsRefused;
  private final Set<String> unitTags = ConcurrentHashMap.newKeySet();
  // Counters are looked up once per tag value, not built and registered on every request.
  private final Map<String, Counter> requests = new ConcurrentHashMap<>();
  private final Map<String, Counter> signatureFailures = new ConcurrentHashMap<>();
  private final Map<String, Counter> events = new ConcurrentHashMap<>();

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.produceLatency =
        Timer.builder("gateway.produce.latency")
            .description("From send to the broker's ack, for records the gateway writes")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(15))
            .register(registry);
    this.connectionsRefused =
        Counter.builder("gateway.connections.refused")
            .description("Connections closed on arrival: GATEWAY_MAX_CONNECTIONS were open")
            .register(registry);
  }

  /** One answered webhook request, by outcome (accepted, verified, unauthorized, …). */
  public void request(String outcome) {
    counter(requests, "gateway.requests", "Webhook requests by outcome", "outcome", outcome)
        .increment();
  }

  /** A connection closed on arrival because the gateway already had its maximum open. */
  public void connectionRefused() {
    connectionsRefused.increment();
  }

  /** A delivery whose SC-Signature was missing or wrong. */
  public void signatureFailure(String reason) {
    counter(
            signatureFailures,
            "gateway.signature.failures",
            "Deliveries rejected for a missing or wrong SC-Signature",
            "reason",
            reason)
        .increment();
  }

  /** A vehicle event accepted onto the topic. */
  public void event(EventType type) {
    counter(events, "gateway.events", "Vehicle events written, by event type", "type", type.name())
        .increment();
  }

  /** The counter {@code name} with one tag, from {@code cache} after its first use. */
  private Counter counter(
      Map<String, Counter> cache, String name, String description, String tag, String value) {
    return cache.computeIfAbsent(
        value, v -> Counter.builder(name).description(description).tag(tag, v).register(registry));
  }

  /** Unit strings of one event that are not in the unit table. */
  public void unknownUnits(List<String> units) {
    for (String unit : units) {
      String tag = unitTags.contains(unit) || unitTags.size() < MAX_UNIT_TAGS ? unit : OTHER_UNIT;
      unitTags.add(tag);
      Counter.builder("gateway.unknown.units")
          .description("Signal unit strings not in the unit table (kept as given)")
          .tag("unit", tag)
          .register(registry)
          .increment();
    }
  }

  /** The produce latency timer. */
  public Timer produceLatency() {
    return produceLatency;
  }
}
