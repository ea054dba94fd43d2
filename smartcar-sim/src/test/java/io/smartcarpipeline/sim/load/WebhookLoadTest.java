package io.smartcarpipeline.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookLoadTest {

  private static final String TOKEN = "amt-load-test";

  @Test
  void signatureIsHexHmacSha256OfTheRawBodyUnderTheManagementToken() throws Exception {
    RequestSource.Request request = new WebhookLoad(TOKEN, 10, 5).next(7);

    // the gateway's scheme (docs/smartcar-v3.md §2.1), computed here independently of the sim's
    // signer
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(request.body().getBytes()));
    assertThat(request.headers().get("SC-Signature")).isEqualTo(expected);
    assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aSignatureUnderAnotherTokenDiffers() {
    RequestSource.Request mine = new WebhookLoad(TOKEN, 10, 5).next(7);
    RequestSource.Request other = new WebhookLoad("another-token", 10, 5).next(7);

    assertThat(other.headers().get("SC-Signature"))
        .isNotEqualTo(mine.headers().get("SC-Signature"));
  }

  @Test
  void bodyIsAVehicleStateWebhookOfTheRequestsVehicleWithTheAskedSignals() {
    WebhookLoad load = new WebhookLoad(TOKEN, 10, 5);

    JsonObject body = load.next(7).body().toJsonObject();

    assertThat(body.getString("eventType")).isEqualTo("VEHICLE_STATE");
    assertThat(body.getString("eventId")).isEqualTo(load.eventId(7).toString());
    JsonObject data = body.getJsonObject("data");
    assertThat(data.getJsonObject("vehicle").getString("id"))
        .isEqualTo(load.vehicleOf(7))
        .isEqualTo("veh-000002");
    assertThat(data.getJsonArray("signals")).hasSize(10);
    assertThat(data.getJsonArray("signals").getJsonObject(0).getString("code"))
        .isEqualTo("tractionbattery-stateofcharge");
    JsonObject meta = body.getJsonObject("meta");
    assertThat(meta.getInteger("signalCount")).isEqualTo(10);
    assertThat(meta.getString("version")).isEqualTo("4.0");
  }

  @Test
  void everySignalOfTheCatalogueCanBeSent() {
    JsonObject body =
        new WebhookLoad(TOKEN, VehicleStateBodies.MAX_SIGNALS, 1).next(0).body().toJsonObject();

    assertThat(body.getJsonObject("data").getJsonArray("signals"))
        .hasSize(VehicleStateBodies.MAX_SIGNALS);
  }

  @Test
  void everyRequestHasItsOwnEventId() {
    WebhookLoad load = new WebhookLoad(TOKEN, 1, 3);
    Set<String> ids = new HashSet<>();

    for (long seq = 0; seq < 1_000; seq++) {
      ids.add(load.next(seq).body().toJsonObject().getString("eventId"));
    }

    assertThat(ids).hasSize(1_000);
  }

  @Test
  void signalCountsOutsideTheCatalogueAreRejected() {
    assertThatThrownBy(() -> new WebhookLoad(TOKEN, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookLoad(TOKEN, VehicleStateBodies.MAX_SIGNALS + 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
