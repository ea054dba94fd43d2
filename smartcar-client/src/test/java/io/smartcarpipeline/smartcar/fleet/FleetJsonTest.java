package io.smartcarpipeline.smartcar.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetJsonTest {

  @Test
  void readsTheContractShapeOfAConnectionsPage() {
    String body =
        """
        {"data":[{"type":"connection","id":"veh-1","attributes":{"vehicleId":"veh-1",
          "userId":"user-1","make":"TESLA","model":"Model 3","year":2021,"mode":"LIVE",
          "connectedAt":"2026-03-01T10:00:00Z"}}],
         "meta":{"pageNumber":1,"pageSize":1,"totalCount":3},
         "links":{"self":"/connections?page[number]=1","next":"/connections?page[number]=2"}}
        """;

    Page<Connection> page = FleetJson.connections(body);

    assertThat(page.items())
        .containsExactly(
            new Connection(
                "veh-1",
                "user-1",
                "TESLA",
                "Model 3",
                2021,
                "live",
                Instant.parse("2026-03-01T10:00:00Z")));
    assertThat(page.hasNext()).isTrue();
    assertThat(page.totalCount()).isEqualTo(3);
    assertThat(page.more(1)).isTrue();
    assertThat(page.more(3)).as("totalCount reached").isFalse();
  }

  @Test
  void takesIdsFromRelationshipsAndDetailsFromANestedVehicleAndLeavesTheRestNull() {
    String body =
        """
        {"data":[
          {"type":"connection","id":"conn-9",
           "relationships":{"vehicle":{"data":{"type":"vehicle","id":"veh-9"}},
                            "user":{"data":{"type":"user","id":"user-9"}}},
           "attributes":{"vehicle":{"make":"FORD","model":"Mach-E","year":"2023"},
                         "connectedAt":"not a date"}},
          {"type":"connection","id":"veh-bare"},
          {"type":"connection","attributes":{"make":"NO-ID"}},
          "garbage"],
         "links":{"next":null}}
        """;

    Page<Connection> page = FleetJson.connections(body);

    assertThat(page.items())
        .containsExactly(
            new Connection("veh-9", "user-9", "FORD", "Mach-E", 2023, null, null),
            new Connection("veh-bare", null, null, null, null, null, null));
    assertThat(page.unreadable()).as("no vehicle id, and not an object").isEqualTo(2);
    assertThat(page.hasNext()).isFalse();
    assertThat(page.more(2)).isFalse();
  }

  @Test
  void stopsOnAnEmptyPageEvenIfNextIsSet() {
    Page<Connection> page = FleetJson.connections("{\"data\":[],\"links\":{\"next\":\"/x?p=2\"}}");

    assertThat(page.items()).isEmpty();
    assertThat(page.more(0)).isFalse();
  }

  @Test
  void anUnreadableBodyIsAnEmptyLastPage() {
    for (String body : new String[] {null, "", "[]", "{not json", "{\"data\":\"x\"}"}) {
      Page<Connection> page = FleetJson.connections(body);
      assertThat(page.items()).as(String.valueOf(body)).isEmpty();
      assertThat(page.more(0)).as(String.valueOf(body)).isFalse();
    }
  }

  @Test
  void readsSubscriptionsOfBothStyles() {
    String body =
        """
        {"data":[{"type":"subscription","id":"sub-1",
           "attributes":{"vehicle":{"make":"BYD","model":"Atto 3","year":2024,"mode":"live"}},
           "relationships":{"webhook":{"data":{"type":"webhook","id":"wh-1"}},
                            "user":{"data":{"type":"user","id":"user-1"}},
                            "vehicle":{"data":{"type":"vehicle","id":"veh-1"}}}},
          {"type":"subscription","attributes":{"vehicleId":"veh-2","webhookId":"wh-1"}},
          {"type":"subscription","id":"sub-3"}]}
        """;

    Page<Subscription> page = FleetJson.subscriptions(body);

    assertThat(page.items())
        .containsExactly(
            new Subscription("sub-1", "wh-1", "veh-1", "user-1"),
            new Subscription(null, "wh-1", "veh-2", null));
    assertThat(page.unreadable()).isEqualTo(1);
  }

  @Test
  void readsTheWebhookStatus() {
    assertThat(
            FleetJson.webhookStatus(
                "{\"data\":{\"id\":\"wh\",\"type\":\"webhook\",\"attributes\":{\"status\":\"ENABLED\"}}}"))
        .isEqualTo("ENABLED");
    assertThat(FleetJson.webhookStatus("{}")).isNull();
  }
}
