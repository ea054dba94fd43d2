package io.smartcarpipeline.dispatcher.idempotency;

import io.smartcarpipeline.events.CommandRequest;
import io.smartcarpipeline.events.CommandResult;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher's memory of every commandId: loaded from the compacted ledger topic at start,
 * updated as commands run. It answers the idempotency question before a command is sent (first
 * final result per commandId wins; the same commandId with other parameters is a conflict) and
 * records "attempt started" durably before each call, so a restarted dispatcher knows a call may
 * already have happened.
 */
public final class IdempotencyLedger {

  /** What is known about a commandId when its request comes up. */
  public enum Kind {
    /** Never seen: run it. */
    NEW,
    /** Finished before with the same parameters: answer the stored result again, no call. */
    REPEAT,
    /** Known with other parameters: reject, no call. */
    CONFLICT,
    /** A previous run started calling Smartcar for it and did not finish: a call may have run. */
    INTERRUPTED
  }

  /**
   * The answer of {@link #lookup}.
   *
   * @param kind what to do
   * @param entry the known entry (null for NEW)
   */
  public record Lookup(Kind kind, LedgerEntry entry) {}

  private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();
  private final Map<String, String> running = new ConcurrentHashMap<>();
  private final LedgerWriter writer;

  public IdempotencyLedger(LedgerWriter writer) {
    this.writer = writer;
  }

  /** Adds an entry read back from the ledger topic at start (later entries win). */
  public void restore(LedgerEntry entry) {
    LedgerEntry known = entries.get(entry.commandId());
    if (known != null && known.isFinal() && !entry.isFinal()) {
      return; // a FINAL is never replaced by a marker
    }
    entries.put(entry.commandId(), entry);
  }

  /** What to do with {@code request}; claims it for this run when it is to be executed. */
  public Lookup lookup(CommandRequest request, String fingerprint) {
    String id = request.getCommandId();
    String runningFingerprint = running.get(id);
    if (runningFingerprint != null) {
      return new Lookup(Kind.CONFLICT, entries.get(id));
    }
    LedgerEntry known = entries.get(id);
    if (known != null && !Fingerprint.matches(known.fingerprint(), request, fingerprint)) {
      return new Lookup(Kind.CONFLICT, known);
    }
    if (known != null && known.isFinal()) {
      return new Lookup(Kind.REPEAT, known);
    }
    running.put(id, fingerprint);
    return new Lookup(known == null ? Kind.NEW : Kind.INTERRUPTED, known);
  }

  /**
   * Durably records that call number {@code attempt} is about to start (at {@code now}), in the
   * ledger partition of the command's partition {@code commandPartition} (-1: unknown).
   */
  public Future<Void> markStarted(
      String commandId,
      String fingerprint,
      int attempt,
      Instant firstAttemptAt,
      Instant now,
      int commandPartition) {
    LedgerEntry marker = LedgerEntry.started(commandId, fingerprint, attempt, firstAttemptAt, now);
    return writer
        .write(marker, commandPartition)
        .onSuccess(
            ignored ->
                entries.compute(
                    commandId, (k, old) -> old != null && old.isFinal() ? old : marker));
  }

  /** Records the first final result of a claimed command and releases the claim. */
  public LedgerEntry finish(String fingerprint, CommandResult result) {
    LedgerEntry entry = LedgerEntry.fin(fingerprint, result);
    entries.merge(result.getCommandId(), entry, (old, fresh) -> old.isFinal() ? old : fresh);
    running.remove(result.getCommandId());
    return entry;
  }

  /** Releases a claim without a result (the command was abandoned at shutdown or revocation). */
  public void release(String commandId) {
    running.remove(commandId);
  }

  /** Entries known (for metrics). */
  public int size() {
    return entries.size();
  }
}
