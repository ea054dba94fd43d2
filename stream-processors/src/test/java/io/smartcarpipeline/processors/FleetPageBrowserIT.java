package io.smartcarpipeline.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.CommandStatus;
import io.smartcarpipeline.events.CommandType;
import io.smartcarpipeline.events.ConnectionStatus;
import io.smartcarpipeline.events.EventSource;
import io.smartcarpipeline.events.SubscriptionStatus;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.WebhookSubscription;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.processors.browser.HeadlessChromium;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.testdata.EventBuilder;
import io.smartcarpipeline.processors.testdata.FleetScript;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live fleet page in Debian's headless Chromium against the real app on the embedded broker: a
 * scripted fleet and command results go through the topics, the page (over Server-Sent Events)
 * shows every vehicle, the sessions and the commands, then updates in place when a new event
 * arrives; the polling fallback shows the same fleet. Leaves {@code target/fleet-page.png}. Skipped
 * (not failed) where {@code /usr/bin/chromium} is missing.
 */
@ExtendWith(LocalStackExtension.class)
class FleetPageBrowserIT {

  static final Path SCREENSHOT = Path.of("target", "fleet-page.png");
  private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldShowTheFleetAndUpdateItLive(LocalStack stack, @TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.available(),
        "skipped: " + HeadlessChromium.BINARY + " is missing (apt-get install -y chromium)");
    FleetScript fleet =
        new FleetScript(Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3)));

    try (KafkaProducer<String, SpecificRecord> producer = producer(stack);
        ProcessorsApp app = ProcessorsApp.start(settings(stack, tmp.resolve("state")))) {
      // given: the scripted fleet and the dispatcher's results are in the topics
      for (VehicleEvent e : fleet.events()) {
        producer
            .send(new ProducerRecord<>(Topics.VEHICLE_EVENTS.name(), e.getVehicleId(), e))
            .get();
      }
      for (CommandResult r : fleet.commandResults()) {
        producer
            .send(new ProducerRecord<>(Topics.COMMAND_RESULTS.name(), r.getVehicleId(), r))
            .get();
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                JsonObject totals = fleetJson(app.port()).getJsonObject("totals");
                assertThat(totals.getInteger("vehicles")).isEqualTo(4);
                assertThat(totals.getInteger("finishedSessions")).isEqualTo(1);
                assertThat(totals.getInteger("activeSessions")).isEqualTo(1);
                assertThat(totals.getInteger("commands")).isEqualTo(3);
              });
      String page = "http://localhost:" + app.port() + "/";

      try (HeadlessChromium chromium =
          HeadlessChromium.open(
              page, 1280, 800, tmp.resolve("chromium-profile"), tmp.resolve("chromium.log"))) {
        // then: the page shows every vehicle, both sessions and the commands, live over SSE
        awaitPage(chromium, "document.querySelectorAll('.vehicle-card').length", 4);
        awaitPage(chromium, "document.querySelectorAll('.session-row').length", 2);
        awaitPage(chromium, "document.querySelectorAll('.command-row').length", 3);
        awaitPage(chromium, "document.getElementById('connection').dataset.mode", "live");
        assertThat(text(chromium, card(FleetScript.TESLA) + ".querySelector('.soc-value')"))
            .isEqualTo("78%");
        assertThat(
                text(
                    chromium,
                    "document.querySelector('.session-row[data-vehicle-id=\""
                        + FleetScript.TESLA
                        + "\"] .energy')"))
            .isEqualTo("33.00 kWh");
        assertThat((String) text(chromium, card(FleetScript.VW) + ".querySelector('.errors')"))
            .contains("CHARGING_SYSTEM_FAULT");
        awaitPage(
            chromium,
            "Number(document.getElementById('soc-chart').dataset.points) > 10",
            Boolean.TRUE);
        chromium.screenshot(SCREENSHOT);

        // when: the Tesla reports a new SoC after a drive
        long before =
            ((Number) chromium.evaluate("Number(document.body.dataset.updates)")).longValue();
        producer
            .send(
                new ProducerRecord<>(
                    Topics.VEHICLE_EVENTS.name(), FleetScript.TESLA, fleet.teslaDrove(185, 69)))
            .get();

        // then: the same page shows it without a reload
        awaitPage(chromium, text(card(FleetScript.TESLA) + ".querySelector('.soc-value')"), "69%");
        assertThat(
                ((Number) chromium.evaluate("Number(document.body.dataset.updates)")).longValue())
            .isGreaterThan(before);

        // when: a LOCK succeeds, the page shows it awaiting the car
        Instant locked = Instant.now();
        producer
            .send(
                new ProducerRecord<>(
                    Topics.COMMAND_RESULTS.name(),
                    FleetScript.TESLA,
                    CommandResult.newBuilder()
                        .setCommandId("cmd-lock")
                        .setVehicleId(FleetScript.TESLA)
                        .setType(CommandType.LOCK)
                        .setStatus(CommandStatus.SUCCEEDED)
                        .setAttempts(1)
                        .setRequestedAt(locked.minusSeconds(2))
                        .setCompletedAt(locked)
                        .build()))
            .get();
        String lockRow = "document.querySelector('.command-row[data-command-id=\"cmd-lock\"]')";
        awaitPage(chromium, lockRow + " && " + lockRow + ".dataset.confirmation", "AWAITING");

        // then: once the car reports itself locked, the page shows the command CONFIRMED
        producer
            .send(
                new ProducerRecord<>(
                    Topics.VEHICLE_EVENTS.name(),
                    FleetScript.TESLA,
                    EventBuilder.state(FleetScript.TESLA, Instant.now())
                        .bool(SignalCodes.IS_LOCKED, true, locked.plusSeconds(1))
                        .build()))
            .get();
        awaitPage(chromium, lockRow + ".dataset.confirmation", "CONFIRMED");
        awaitPage(
            chromium,
            card(FleetScript.TESLA) + ".querySelector('.confirmation').dataset.confirmation",
            "CONFIRMED");

        Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // when: fleet-sync records the Tesla's connection and the VW's disconnection, and a
        // gap-filling read brings the Tesla's newest SoC through the API
        producer
            .send(
                new ProducerRecord<>(
                    Topics.CONNECTIONS.name(),
                    FleetScript.TESLA,
                    connection(
                        FleetScript.TESLA,
                        ConnectionStatus.CONNECTED,
                        SubscriptionStatus.SUBSCRIBED,
                        readAt)))
            .get();
        producer
            .send(
                new ProducerRecord<>(
                    Topics.CONNECTIONS.name(),
                    FleetScript.VW,
                    connection(
                        FleetScript.VW,
                        ConnectionStatus.DISCONNECTED,
                        SubscriptionStatus.UNSUBSCRIBED,
                        null)))
            .get();
        producer
            .send(
                new ProducerRecord<>(
                    Topics.VEHICLE_EVENTS.name(),
                    FleetScript.TESLA,
                    EventBuilder.state(FleetScript.TESLA, Instant.now())
                        .source(EventSource.API_READ)
                        .number(SignalCodes.STATE_OF_CHARGE, 67, "percent", fleet.at(190))
                        .build()))
            .get();

        // then: /fleet carries them, and a vehicle without a record is unknown (null), no error
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  Map<String, JsonObject> byId = vehiclesById(fleetJson(app.port()));
                  JsonObject tesla = byId.get(FleetScript.TESLA);
                  assertThat(tesla.getString("dataSource")).isEqualTo("API_READ");
                  assertThat(tesla.getJsonObject("connection").getString("status"))
                      .isEqualTo("CONNECTED");
                  assertThat(tesla.getJsonObject("connection").getString("lastReadAt"))
                      .isEqualTo(readAt.toString());
                  JsonObject sub =
                      tesla
                          .getJsonObject("connection")
                          .getJsonArray("subscriptions")
                          .getJsonObject(0);
                  assertThat(sub.getString("webhookId")).isEqualTo("wh-fleet");
                  assertThat(sub.getString("status")).isEqualTo("SUBSCRIBED");
                  assertThat(
                          byId.get(FleetScript.VW).getJsonObject("connection").getString("status"))
                      .isEqualTo("DISCONNECTED");
                  assertThat(byId.get(FleetScript.VW).getString("dataSource")).isEqualTo("WEBHOOK");
                  assertThat(byId.get(FleetScript.FORD).getValue("connection")).isNull();
                });

        // and: so does the page
        String tesla = card(FleetScript.TESLA);
        awaitPage(
            chromium,
            tesla + ".querySelector('.connection-status').dataset.connection",
            "CONNECTED");
        awaitPage(chromium, tesla + ".querySelector('.data-source').dataset.source", "API_READ");
        awaitPage(
            chromium,
            tesla + ".querySelector('.subscription[data-webhook-id=\"wh-fleet\"]').dataset.status",
            "SUBSCRIBED");
        assertThat((String) text(chromium, tesla + ".querySelector('.data-source')"))
            .startsWith("API read");
        awaitPage(chromium, text(tesla + ".querySelector('.soc-value')"), "67%");
        String vw = card(FleetScript.VW);
        awaitPage(
            chromium,
            vw + ".querySelector('.connection-status').dataset.connection",
            "DISCONNECTED");
        assertThat(text(chromium, vw + ".querySelector('.data-source')")).isEqualTo("webhook");
        String ford = card(FleetScript.FORD);
        assertThat(text(chromium, ford + ".querySelector('.connection-status')"))
            .isEqualTo("unknown");
        assertThat(text(chromium, ford + ".querySelector('.subscriptions')")).isEqualTo("unknown");
        chromium.screenshot(SCREENSHOT);

        // and: the polling fallback shows the same fleet
        chromium.navigate(page + "?mode=poll");
        awaitPage(chromium, "document.getElementById('connection').dataset.mode", "polling");
        awaitPage(chromium, "document.querySelectorAll('.vehicle-card').length", 4);
      }
    }
    assertThat(SCREENSHOT).exists();
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertThat(png.length).isGreaterThan(20_000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private static String card(String vehicleId) {
    return "document.querySelector('.vehicle-card[data-vehicle-id=\"" + vehicleId + "\"]')";
  }

  private static String text(String element) {
    return "(function(){var e=" + element + ";return e?e.textContent.trim():null;})()";
  }

  private static Object text(HeadlessChromium chromium, String element) throws Exception {
    return chromium.evaluate(text(element));
  }

  private static void awaitPage(HeadlessChromium chromium, String expression, Object expected) {
    Object want = expected instanceof Integer i ? Double.valueOf(i) : expected;
    await()
        .atMost(PAGE_WAIT)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              Object got = chromium.evaluate(expression);
              Object have =
                  got instanceof Number n && want instanceof Double ? n.doubleValue() : got;
              assertThat(have).as(expression).isEqualTo(want);
            });
  }

  private static VehicleConnection connection(
      String vehicleId, ConnectionStatus status, SubscriptionStatus sub, Instant lastReadAt) {
    Instant synced = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return VehicleConnection.newBuilder()
        .setVehicleId(vehicleId)
        .setStatus(status)
        .setLastSyncedAt(synced)
        .setSubscriptions(List.of(new WebhookSubscription("wh-fleet", sub, synced, null)))
        .setLastDataSource(lastReadAt == null ? null : "API_READ")
        .setLastReadAt(lastReadAt)
        .build();
  }

  private static Map<String, JsonObject> vehiclesById(JsonObject fleet) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    fleet
        .getJsonArray("vehicles")
        .forEach(v -> out.put(((JsonObject) v).getString("vehicleId"), (JsonObject) v));
    return out;
  }

  private JsonObject fleetJson(int port) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fleet")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private static KafkaProducer<String, SpecificRecord> producer(LocalStack stack) {
    return new KafkaProducer<>(
        KafkaClients.producerConfig(
            KafkaClientSettings.plain(stack.bootstrapServers(), stack.schemaRegistryUrl()),
            "fleet-page-it"));
  }

  private static Settings settings(LocalStack stack, Path stateDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(CommonSettings.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    env.put(CommonSettings.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
    env.put(ProcessorsConfig.PORT, "0");
    env.put(ProcessorsConfig.STATE_DIR, stateDir.toString());
    env.put(ProcessorsConfig.APPLICATION_ID, "fleet-page-it-" + UUID.randomUUID());
    env.put(ProcessorsConfig.CACHE_MAX_BYTES, "0");
    env.put(ProcessorsConfig.EVENTS_INTERVAL, "500ms");
    return Settings.of(env);
  }
}
