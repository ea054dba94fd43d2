package io.smartcarpipeline.fleetsync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.fleetsync.FleetSyncApp;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.api.LoggedRequest;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import io.smartcarpipeline.support.config.Settings;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A vehicle that connects while a sync runs keeps its subscription. The real broker and registry
 * and the real Smartcar stand-in with auto-enroll on (the Dashboard's option: a vehicle is
 * subscribed as it connects), which answers every subscription call 3 s late. The vehicle connects
 * while fleet-sync's first sync waits for its subscription listing, which then holds it. Listed
 * before the connections (the bug the demo hit when its fleet started during fleet-sync's first
 * sync), the connections listing lacked the vehicle and the reconcile unsubscribed it: no webhooks
 * until the next sync.
 */
@ExtendWith(LocalStackExtension.class)
class FleetSyncRaceIT {

  private static final String WEBHOOK = SimConfig.DEFAULT_WEBHOOK_ID;
  private static final long SUBSCRIPTION_LATENCY_MS = 3000;

  private final HttpClient http = HttpClient.newHttpClient();
  private SmartcarApiSim sim;
  private FleetSyncApp fleetSync;

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {fleetSync, sim}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // keep closing the rest
        }
      }
    }
  }

  @Test
  void keepsTheSubscriptionOfAVehicleConnectedDuringTheSync(LocalStack stack) throws Exception {
    // given: the stand-in answers subscription calls late; no vehicle yet
    sim =
        SmartcarApiSim.start(
            SimConfig.builder().port(0).bucket(0, 0).webhook(WEBHOOK, true).build());
    sim.setFaults(
        FaultRules.none()
            .withCommand(
                FaultRules.SUBSCRIPTIONS,
                FaultProfile.none().withLatency(SUBSCRIPTION_LATENCY_MS, SUBSCRIPTION_LATENCY_MS)));
    fleetSync =
        FleetSyncApp.start(Settings.of(fleetSyncSettings(stack)), List.of(), Clock.systemUTC());
    await("the first sync asked for the subscriptions")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> subscriptionListings() > 0);

    // when: a vehicle connects (auto-enrolled) while that listing is pending
    sim.addVehicle(
        sim.vehicles().builder("veh-race", "user-race").make("POLESTAR", "2", 2024).build(),
        "live",
        false);
    assertThat(sim.subscriptions().subscribed(WEBHOOK, "veh-race")).isTrue();
    JsonObject report = postSync(); // joins the running first sync: its report

    // then
    assertThat(report.getString("trigger")).as(report.encode()).isEqualTo("start");
    assertThat(report.getInteger("unsubscribed")).as(report.encode()).isZero();
    assertThat(sim.subscriptions().subscribed(WEBHOOK, "veh-race"))
        .as("still subscribed after the sync")
        .isTrue();
    // and the next sync knows it as connected and subscribed: nothing to change
    JsonObject next = postSync();
    assertThat(next.getInteger("listed")).as(next.encode()).isEqualTo(1);
    assertThat(next.getInteger("unsubscribed")).as(next.encode()).isZero();
    assertThat(sim.subscriptions().subscribed(WEBHOOK, "veh-race")).isTrue();
  }

  private long subscriptionListings() {
    return sim.requests().all().stream()
        .filter(r -> "GET".equals(r.method()))
        .map(LoggedRequest::path)
        .filter(p -> p.endsWith("/subscriptions"))
        .count();
  }

  private JsonObject postSync() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + fleetSync.port() + "/sync"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  private Map<String, String> fleetSyncSettings(LocalStack stack) {
    Map<String, String> s = new HashMap<>();
    s.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
    s.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    s.put("SMARTCAR_CLIENT_ID", "client_sim");
    s.put("SMARTCAR_CLIENT_SECRET", "sim-secret");
    s.put("SMARTCAR_API_V3_ORIGIN", sim.v3Origin());
    s.put("SMARTCAR_IAM_ORIGIN", sim.iamOrigin());
    s.put("SMARTCAR_MANAGEMENT_API_ORIGIN", sim.managementOrigin());
    s.put("SMARTCAR_COMPATIBILITY_API_ORIGIN", sim.compatibilityOrigin());
    s.put("SMARTCAR_WEBHOOK_IDS", WEBHOOK);
    s.put("FLEET_SYNC_PORT", "0");
    s.put("FLEET_SYNC_INTERVAL", "1h"); // only the syncs this test starts
    s.put("FLEET_SYNC_VEHICLE_SPACING", "0s");
    s.put("TOPIC_PARTITIONS", "3");
    return s;
  }
}
