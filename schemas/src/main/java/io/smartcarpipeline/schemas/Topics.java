package io.smartcarpipeline.schemas;

import io.smartcarpipeline.events.ChargingSession;
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
          DELETE_7_DAYS);

  /** One record per signal of each distinct event. */
  public static final TopicSpec<SignalEvent> SIGNALS =
      new TopicSpec<>(
          "smartcar.signals.v1",
          String.class,
          SignalEvent.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          DELETE_7_DAYS);

  /** Newest value of every signal per vehicle, by source time. Compacted. */
  public static final TopicSpec<VehicleState> VEHICLE_STATE =
      new TopicSpec<>(
          "smartcar.vehicle-state.v1",
          String.class,
          VehicleState.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          COMPACTED);

  /** Every charging session: ACTIVE updates, then a final record. */
  public static final TopicSpec<ChargingSession> CHARGING_SESSIONS =
      new TopicSpec<>(
          "smartcar.charging-sessions.v1",
          String.class,
          ChargingSession.class,
          TopicSpec.Writer.STREAM_PROCESSORS,
          6,
          DELETE_30_DAYS);

  /** Command requests; commandId is the idempotency key. */
  public static final TopicSpec<CommandRequest> COMMANDS =
      new TopicSpec<>(
          "smartcar.commands.v1",
          String.class,
          CommandRequest.class,
          TopicSpec.Writer.ORCHESTRATORS,
          6,
          DELETE_7_DAYS);

  /** Exactly one final result per commandId. */
  public static final TopicSpec<CommandResult> COMMAND_RESULTS =
      new TopicSpec<>(
          "smartcar.command-results.v1",
          String.class,
          CommandResult.class,
          TopicSpec.Writer.COMMAND_DISPATCHER,
          6,
          DELETE_30_DAYS);

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
          COMPACTED);

  /** Wishes about a vehicle's webhook subscriptions (exclusions), read by fleet-sync. Compacted. */
  public static final TopicSpec<SubscriptionWish> SUBSCRIPTION_WISHES =
      new TopicSpec<>(
          "smartcar.subscription-wishes.v1",
          String.class,
          SubscriptionWish.class,
          TopicSpec.Writer.ORCHESTRATORS,
          1,
          COMPACTED);

  /** What could not be processed, with a reason and the original bytes. */
  public static final TopicSpec<DeadLetter> DEAD_LETTERS =
      new TopicSpec<>(
          "smartcar.dead-letters.v1",
          String.class,
          DeadLetter.class,
          TopicSpec.Writer.ANY_SERVICE,
          1,
          DELETE_30_DAYS);

  private static final List<TopicSpec<?>> ALL =
      List.of(
          VEHICLE_EVENTS,
          SIGNALS,
          VEHICLE_STATE,
          CHARGING_SESSIONS,
          COMMANDS,
          COMMAND_RESULTS,
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
