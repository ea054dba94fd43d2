package io.smartcarpipeline.schemas;

import io.smartcarpipeline.events.ChargingSession;
import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.SignalEvent;
import io.smartcarpipeline.events.SubscriptionWish;
import io.smartcarpipeline.events.VehicleConnection;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of the pipeline's topics (docs/DESIGN.md, "Topics"). No topic name appears as a
 * string literal anywhere else: services, topologies and tests take their topics from here.
 */
public final class Topics {

  private static final Map<String, String> DELETE_7_DAYS =
      Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3600 * 1000));
  private static final Map<String, String> DELETE_30_DAYS =
      Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000));
  private static final Map<String, String> COMPACTED =
      Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000");

  /** One record per accepted VEHICLE_STATE / VEHICLE_ERROR delivery, written before the 2xx. */
  public static final TopicSpec<VehicleEvent> VEHICLE_EVENTS =
      new TopicSpec<>(
          "smartcar.vehicle-events.v1",
          String.class,
          VehicleEvent.class,
          TopicSpec.Writer.INGEST_GATEWAY,
          6,
          DELETE_7_DAYS,
          new TopicDoc(
              "One accepted Smartcar webhook delivery (VEHICLE_STATE or VEHICLE_ERROR): ids, vehicle,"
                  + " user, triggers, normalised signals and errors, and the raw body.",
              List.of("stream-processors", "fleet-sync (virtual-key knowledge from VEHICLE_ERROR)"),
              "Per vehicle, in the order the gateway accepted the deliveries; not the order the car"
                  + " recorded them (use each signal's oemUpdatedAt).",
              "At least once: Smartcar retries and duplicates deliveries; eventId identifies a"
                  + " delivery, and the stream processors drop repeats."));

  /** One record per signal of each distinct event. */
  public static final TopicSpec<SignalEvent> SIGNALS =
      new TopicSpec<>(
          "smartcar.signals.v1",
          String.class,
          SignalEvent.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          DELETE_7_DAYS,
          new TopicDoc(
              "One signal of one distinct delivery: typed value, canonical unit and source times.",
              List.of("data teams and analytics"),
              "Per vehicle, in the order the deliveries were accepted; order by oemUpdatedAt for"
                  + " the car's own order.",
              "Exactly once per signal of each distinct eventId (exactly-once Kafka Streams)."));

  /** Newest value of every signal per vehicle, by source time. Compacted. */
  public static final TopicSpec<VehicleState> VEHICLE_STATE =
      new TopicSpec<>(
          "smartcar.vehicle-state.v1",
          String.class,
          VehicleState.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          COMPACTED,
          new TopicDoc(
              "The newest value of every signal of one vehicle, chosen by source time"
                  + " (oemUpdatedAt), never by arrival.",
              List.of(
                  "charging orchestrators (the demo's in launcher)",
                  "the demo's summary",
                  "dashboards and data teams"),
              "Per vehicle, each record newer than the one before; compaction keeps the newest"
                  + " per vehicle.",
              "The newest state per vehicle; intermediate states may be compacted away."));

  /** Every charging session: ACTIVE updates, then a final record. */
  public static final TopicSpec<ChargingSession> CHARGING_SESSIONS =
      new TopicSpec<>(
          "smartcar.charging-sessions.v1",
          String.class,
          ChargingSession.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          DELETE_30_DAYS,
          new TopicDoc(
              "One charging session's state: ACTIVE updates, then one record with a final status;"
                  + " the last record of a session is its truth.",
              List.of(
                  "the demo's summary",
                  "charging orchestrators",
                  "data teams and analytics (energy, billing)"),
              "Per vehicle (so per session) in order: a session's records never overtake each"
                  + " other.",
              "Exactly once per change of a session (exactly-once Kafka Streams)."));

  /** Command requests; commandId is the idempotency key. */
  public static final TopicSpec<CommandRequest> COMMANDS =
      new TopicSpec<>(
          "smartcar.commands.v1",
          String.class,
          CommandRequest.class,
          TopicSpec.Writer.ORCHESTRATORS,
          6,
          DELETE_7_DAYS,
          new TopicDoc(
              "A request to send one command to a vehicle through Smartcar; commandId is its"
                  + " idempotency key.",
              List.of("command-dispatcher"),
              "Per vehicle: the dispatcher runs a vehicle's commands in the order of this topic.",
              "At least once from writers; the dispatcher runs each commandId at most once and"
                  + " never after its expiry."));

  /** Exactly one final result per commandId. */
  public static final TopicSpec<CommandResult> COMMAND_RESULTS =
      new TopicSpec<>(
          "smartcar.command-results.v1",
          String.class,
          CommandResult.class,
          TopicSpec.Writer.COMMAND_DISPATCHER,
          6,
          DELETE_30_DAYS,
          new TopicDoc(
              "The one final result of a command request, with Smartcar's answer or the reason it"
                  + " was not sent.",
              List.of(
                  "charging orchestrators and the CLI (command --wait)",
                  "stream-processors (recent commands in the query API, confirmations)",
                  "fleet-sync (virtual-key knowledge from VIRTUAL_KEY_REQUIRED)"),
              "Per vehicle, in the order the commands finished.",
              "Exactly one final result per commandId (transactional writes)."));

  /**
   * Whether the car's own signals showed the effect of a succeeded command: one per commandId whose
   * effect shows in a signal.
   */
  public static final TopicSpec<CommandConfirmation> COMMAND_CONFIRMATIONS =
      new TopicSpec<>(
          "smartcar.command-confirmations.v1",
          String.class,
          CommandConfirmation.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          DELETE_30_DAYS,
          new TopicDoc(
              "Whether the car's own signals showed the effect of a SUCCEEDED command: CONFIRMED,"
                  + " CONTRADICTED or UNCONFIRMED (no evidence within the window), with the"
                  + " evidence (signal, value, oemUpdatedAt).",
              List.of(
                  "charging orchestrators and operators",
                  "stream-processors (confirmations in the query API and the fleet page)"),
              "Per vehicle, in the order the commands were decided.",
              "Exactly one confirmation per commandId whose effect shows in a signal"
                  + " (exactly_once_v2)."));

  /**
   * What Smartcar lists for each vehicle of the application, its webhook subscriptions, virtual-key
   * knowledge and compatibility. Compacted.
   */
  public static final TopicSpec<VehicleConnection> CONNECTIONS =
      new TopicSpec<>(
          "smartcar.connections.v1",
          String.class,
          VehicleConnection.class,
          TopicSpec.Writer.FLEET_SYNC,
          6,
          COMPACTED,
          new TopicDoc(
              "What Smartcar lists for a vehicle (user, make, model, year, mode, connected-at),"
                  + " CONNECTED or DISCONNECTED, the last sync, its subscription per webhook,"
                  + " virtual-key knowledge, compatibility and where its latest data came from.",
              List.of("operators, onboarding and analytics", "fleet-sync (its own view at start)"),
              "Per vehicle; the newest record for a key is its truth (compacted).",
              "At least once: every sync republishes each connected vehicle; readers keep the"
                  + " latest per key."));

  /** Wishes about a vehicle's webhook subscriptions (exclusions), read by fleet-sync. Compacted. */
  public static final TopicSpec<SubscriptionWish> SUBSCRIPTION_WISHES =
      new TopicSpec<>(
          "smartcar.subscription-wishes.v1",
          String.class,
          SubscriptionWish.class,
          TopicSpec.Writer.ORCHESTRATORS,
          1,
          COMPACTED,
          new TopicDoc(
              "A wish about a vehicle's webhook subscriptions: EXCLUDE keeps it unsubscribed (from"
                  + " one webhook or all), INCLUDE or a tombstone withdraws the exclusion.",
              List.of("fleet-sync (subscription reconcile)"),
              "Per vehicle; the newest record for a key wins (compacted).",
              "At least once; applying a wish twice changes nothing."));

  /** What could not be processed, with a reason and the original bytes. */
  public static final TopicSpec<DeadLetter> DEAD_LETTERS =
      new TopicSpec<>(
          "smartcar.dead-letters.v1",
          String.class,
          DeadLetter.class,
          TopicSpec.Writer.ANY_SERVICE,
          1,
          DELETE_30_DAYS,
          new TopicDoc(
              "A record no service could process: source, reason code, message and the original"
                  + " bytes; nothing is dropped silently.",
              List.of("operators"),
              "None across sources; one partition, so in the order they were written.",
              "At least once."));

  private static final List<TopicSpec<?>> ALL =
      List.of(
          VEHICLE_EVENTS,
          SIGNALS,
          VEHICLE_STATE,
          CHARGING_SESSIONS,
          COMMANDS,
          COMMAND_RESULTS,
          COMMAND_CONFIRMATIONS,
          CONNECTIONS,
          SUBSCRIPTION_WISHES,
          DEAD_LETTERS);

  private Topics() {}

  /** Every topic, in pipeline order. */
  public static List<TopicSpec<?>> all() {
    return ALL;
  }

  /** The topics a service writes: its own, and the dead-letter topic that any service may write. */
  public static List<TopicSpec<?>> writtenBy(TopicSpec.Writer writer) {
    return ALL.stream()
        .filter(t -> t.writer() == writer || t.writer() == TopicSpec.Writer.ANY_SERVICE)
        .toList();
  }

  /** The topic with that name, if it is one of ours. */
  public static Optional<TopicSpec<?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
