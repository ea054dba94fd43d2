package io.smartcarpipeline.launcher.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.launcher.demo.Demo;
import io.smartcarpipeline.support.config.BindAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric a dashboard or an alert rule under {@code deploy/observability/} reads is one the
 * services really export: the demo runs (embedded broker and registry, the real gateway, stream
 * processors, dispatcher and fleet-sync, the Smartcar stand-in with a fleet sending webhooks, the
 * example orchestrator sending commands) until each name appears on the {@code /metrics} of the
 * service whose dashboard reads it; rules may read any of the four. A counter that only exists once
 * something went wrong is provoked through the real service (one webhook with a wrong signature).
 * The scrapes are kept in {@code target/observability/} for whoever writes the next panel.
 */
class DashboardMetricsIT {

  /** Series Prometheus makes itself, not the services. */
  private static final Set<String> FROM_PROMETHEUS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dataDir;
  private static Demo demo;
  private static Map<String, Integer> ports;

  @BeforeAll
  static void runTheDemo() {
    demo =
        Demo.start(
            new Demo.Options(
                6, dataDir, true, 600, Duration.ofSeconds(90), 11, BindAddress.LOOPBACK));
    ports =
        Map.of(
            "ingest-gateway", demo.gatewayPort(),
            "stream-processors", demo.queryPort(),
            "command-dispatcher", demo.dispatcherPort(),
            "fleet-sync", demo.fleetSyncPort());
    sendWronglySignedWebhook();
  }

  /** One delivery with a signature that does not match: the gateway counts and refuses it. */
  private static void sendWronglySignedWebhook() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + demo.gatewayPort() + "/webhooks/smartcar"))
                  .header("Content-Type", "application/json")
                  .header("SC-Signature", "0".repeat(64))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"eventType\":\"VEHICLE_STATE\"}"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("a wrongly signed webhook").isEqualTo(401);
    } catch (IOException e) {
      throw new AssertionError("cannot reach the gateway: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @AfterAll
  static void stopTheDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void everyDashboardReadsOnlyMetricsItsServiceExports() {
    Map<String, List<String>> dashboards = ObservabilityFiles.dashboardQueries();
    assertThat(dashboards.keySet())
        .as("one dashboard per service, named by its service tag")
        .containsExactlyInAnyOrderElementsOf(ports.keySet());
    Map<String, Set<String>> wanted = new TreeMap<>();
    dashboards.forEach(
        (service, exprs) -> {
          Set<String> names = new TreeSet<>();
          exprs.forEach(e -> names.addAll(PromQl.metricNames(e)));
          names.removeAll(FROM_PROMETHEUS);
          assertThat(names).as(service + " dashboard's metrics").hasSizeGreaterThan(5);
          wanted.put(service, names);
        });
    await("every dashboard metric on its service's /metrics")
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(missing(wanted)).isEmpty());
  }

  @Test
  void everyAlertRuleReadsOnlyMetricsTheServicesExport() {
    Set<String> names = new TreeSet<>();
    ObservabilityFiles.ruleExpressions()
        .values()
        .forEach(l -> l.forEach(e -> names.addAll(PromQl.metricNames(e))));
    names.removeAll(FROM_PROMETHEUS);
    assertThat(names).as("metrics the rules read").hasSizeGreaterThan(3);
    await("every rule metric on some service's /metrics")
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              Set<String> exported = new HashSet<>();
              ports.keySet().forEach(s -> exported.addAll(sampleNames(s)));
              assertThat(names.stream().filter(n -> !exported.contains(n)).toList()).isEmpty();
            });
  }

  /** Service → the names its dashboard reads that its /metrics does not have yet. */
  private static Map<String, List<String>> missing(Map<String, Set<String>> wanted) {
    Map<String, List<String>> out = new TreeMap<>();
    wanted.forEach(
        (service, names) -> {
          Set<String> exported = sampleNames(service);
          List<String> absent = new ArrayList<>();
          names.forEach(
              n -> {
                if (!exported.contains(n)) {
                  absent.add(n);
                }
              });
          if (!absent.isEmpty()) {
            out.put(service, absent);
          }
        });
    return out;
  }

  /** The sample names of one scrape of {@code service} (which is also kept for reading). */
  private static Set<String> sampleNames(String service) {
    String text = scrape(service);
    Set<String> names = new HashSet<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int end = line.length();
        for (char c : new char[] {'{', ' '}) {
          int i = line.indexOf(c);
          if (i > 0 && i < end) {
            end = i;
          }
        }
        names.add(line.substring(0, end));
      }
    }
    return names;
  }

  private static String scrape(String service) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + ports.get(service) + "/metrics"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(service + " /metrics").isEqualTo(200);
      Path kept = Path.of("target", "observability", service + ".prom");
      Files.createDirectories(kept.getParent());
      Files.writeString(kept, r.body());
      return r.body();
    } catch (IOException e) {
      throw new AssertionError("cannot scrape " + service + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
