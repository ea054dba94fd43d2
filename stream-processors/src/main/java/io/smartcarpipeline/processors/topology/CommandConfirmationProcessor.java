package io.smartcarpipeline.processors.topology;

import io.smartcarpipeline.events.CommandConfirmation;
import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.confirmation.CommandConfirmer;
import io.smartcarpipeline.processors.domain.confirmation.ConfirmationRules;
import io.smartcarpipeline.processors.domain.confirmation.Expectation;
import io.smartcarpipeline.processors.domain.confirmation.PendingConfirmation;
import io.smartcarpipeline.processors.domain.confirmation.SignalReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link CommandConfirmer} per command: a SUCCEEDED result whose effect shows in a signal
 * opens a pending confirmation; readings of the vehicle decide it; a wall-clock punctuator decides
 * what the window leaves open. Wall clock, not stream time: stream time moves only with records on
 * the task's partitions, so a car that goes silent (and a quiet partition) would never get its
 * UNCONFIRMED. When a result arrives, the folded vehicle state is read first, since the reading may
 * have been processed before the result (they come from different topics). Each decided commandId
 * is remembered in a window store, so a result seen again gets no second confirmation; outputs,
 * store changes and offsets commit together (exactly-once v2), so a restart neither loses nor
 * repeats one.
 */
final class CommandConfirmationProcessor
    implements Processor<String, ConfirmationInput, String, CommandConfirmation> {

  private static final Logger LOG = LoggerFactory.getLogger(CommandConfirmationProcessor.class);

  private final CommandConfirmer confirmer;
  private final Duration checkInterval;
  private final long decidedRetentionMs;
  private final int perVehicle;
  private final ConfirmationListener listener;
  private ProcessorContext<String, CommandConfirmation> context;
  private KeyValueStore<String, PendingConfirmation> pending;
  private WindowStore<String, Long> decided;
  private KeyValueStore<String, CommandConfirmation> recent;
  private KeyValueStore<String, VehicleState> states;

  CommandConfirmationProcessor(TopologyOptions options, ConfirmationListener listener) {
    this.confirmer = new CommandConfirmer(options.confirmationWindow());
    this.checkInterval = options.confirmationCheckInterval();
    this.decidedRetentionMs = options.dedupRetention().toMillis();
    this.perVehicle = options.commandsPerVehicle();
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, CommandConfirmation> context) {
    this.context = context;
    this.pending = context.getStateStore(StoreNames.PENDING_CONFIRMATIONS);
    this.decided = context.getStateStore(StoreNames.DECIDED_COMMANDS);
    this.recent = context.getStateStore(StoreNames.COMMAND_CONFIRMATIONS);
    this.states = context.getStateStore(StoreNames.VEHICLE_STATE);
    context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::expire);
  }

  @Override
  public void process(Record<String, ConfirmationInput> record) {
    long now = context.currentSystemTimeMs();
    ConfirmationInput in = record.value();
    if (in instanceof ConfirmationInput.Request r) {
      onRequest(r.value(), now);
    } else if (in instanceof ConfirmationInput.Result r) {
      onResult(r.value(), now);
    } else if (in instanceof ConfirmationInput.Event e) {
      onEvent(e.value(), now);
    }
  }

  private void onRequest(CommandRequest request, long now) {
    if (!CommandConfirmer.remembersRequest(request) || wasDecided(request.getCommandId(), now)) {
      return;
    }
    String key = key(request.getVehicleId(), request.getCommandId());
    PendingConfirmation p =
        Optional.ofNullable(pending.get(key)).orElseGet(PendingConfirmation::new);
    confirmer.onRequest(p, request, now);
    if (!decideFromState(key, p, now)) {
      pending.put(key, p);
    }
  }

  private void onResult(CommandResult result, long now) {
    if (!ConfirmationRules.expectsConfirmation(result.getStatus(), result.getType())) {
      return;
    }
    String key = key(result.getVehicleId(), result.getCommandId());
    PendingConfirmation p = pending.get(key);
    if ((p != null && p.hasResult()) || wasDecided(result.getCommandId(), now)) {
      LOG.debug("confirmation_result_seen_again command_id={}", result.getCommandId());
      return;
    }
    p = p == null ? new PendingConfirmation() : p;
    confirmer.onResult(p, result, now);
    if (!decideFromState(key, p, now)) {
      pending.put(key, p);
    }
  }

  /** The newest folded reading of each expected signal; true when one decided. */
  private boolean decideFromState(String key, PendingConfirmation p, long now) {
    Optional<Expectation> expected = CommandConfirmer.expectation(p);
    VehicleState state = states.get(p.vehicleId);
    if (!p.hasResult() || expected.isEmpty() || state == null) {
      return false;
    }
    for (String code : expected.get().signals()) {
      SignalSnapshot s = state.getSignals().get(code);
      if (s == null || s.getValue() == null) {
        continue;
      }
      SignalReading reading =
          new SignalReading(code, s.getValue(), s.getOemUpdatedAt(), s.getRetrievedAt(), null);
      Optional<CommandConfirmation> decision = confirmer.onReading(p, reading, now);
      if (decision.isPresent()) {
        emit(key, decision.get(), now);
        return true;
      }
    }
    return false;
  }

  private void onEvent(VehicleEvent event, long now) {
    if (event.getEventType() != EventType.VEHICLE_STATE) {
      return;
    }
    List<KeyValue<String, PendingConfirmation>> open = new ArrayList<>();
    try (KeyValueIterator<String, PendingConfirmation> it =
        pending.prefixScan(
            StoreNames.historyPrefix(event.getVehicleId()), new StringSerializer())) {
      it.forEachRemaining(open::add);
    }
    for (KeyValue<String, PendingConfirmation> kv : open) {
      PendingConfirmation p = kv.value;
      if (!p.hasResult()) {
        continue;
      }
      String heldBefore = p.held();
      Optional<CommandConfirmation> decision = Optional.empty();
      for (Signal s : event.getSignals()) {
        if (s.getStatus() != SignalStatus.SUCCESS || s.getValue() == null) {
          continue;
        }
        SignalReading reading =
            new SignalReading(
                s.getCode(),
                s.getValue(),
                s.getOemUpdatedAt(),
                s.getRetrievedAt(),
                event.getEventId());
        decision = confirmer.onReading(p, reading, now);
        if (decision.isPresent()) {
          break;
        }
      }
      if (decision.isPresent()) {
        emit(kv.key, decision.get(), now);
      } else if (!heldBefore.equals(p.held())) {
        pending.put(kv.key, p);
      }
    }
  }

  private void expire(long now) {
    List<KeyValue<String, PendingConfirmation>> due = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, PendingConfirmation> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, PendingConfirmation> kv = it.next();
        if (confirmer.due(kv.value, now)) {
          due.add(kv);
        } else if (confirmer.stale(kv.value, now)) {
          stale.add(kv.key);
        }
      }
    }
    due.forEach(kv -> emit(kv.key, confirmer.expire(kv.value, now), now));
    stale.forEach(pending::delete);
  }

  private void emit(String key, CommandConfirmation c, long now) {
    pending.delete(key);
    decided.put(c.getCommandId(), now, now);
    recent.put(
        StoreNames.commandKey(
            c.getVehicleId(), c.getCommandCompletedAt().toEpochMilli(), c.getCommandId()),
        c);
    prune(c.getVehicleId());
    context.forward(new Record<>(c.getVehicleId(), c, now));
    listener.decided(c);
    LOG.info(
        "command_confirmation vehicle_id={} command_id={} type={} outcome={} delay_ms={}",
        c.getVehicleId(),
        c.getCommandId(),
        c.getType(),
        c.getOutcome(),
        c.getDelayMillis());
  }

  private boolean wasDecided(String commandId, long now) {
    try (WindowStoreIterator<Long> it =
        decided.fetch(commandId, Math.max(0, now - decidedRetentionMs), now + decidedRetentionMs)) {
      return it.hasNext();
    }
  }

  private void prune(String vehicleId) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, CommandConfirmation> it =
        recent.prefixScan(StoreNames.historyPrefix(vehicleId), new StringSerializer())) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    for (int i = 0; i < keys.size() - perVehicle; i++) {
      recent.delete(keys.get(i));
    }
  }

  private static String key(String vehicleId, String commandId) {
    return StoreNames.historyPrefix(vehicleId) + commandId;
  }
}
