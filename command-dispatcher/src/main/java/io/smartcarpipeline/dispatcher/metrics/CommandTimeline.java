package io.smartcarpipeline.dispatcher.metrics;

import java.util.function.LongSupplier;

/**
 * The time stamps of one command on its way through the dispatcher; each step records the phase it
 * ends ({@link CommandPhase}) with a {@link PhaseRecorder}. Created when the record is polled and
 * handed from thread to thread with the command (consumer → event loop → consumer → committer),
 * always through a queue or executor, so one step at a time touches it.
 */
public final class CommandTimeline {

  /** Where phase durations go. */
  @FunctionalInterface
  public interface PhaseRecorder {
    void record(CommandPhase phase, long nanos);
  }

  private final PhaseRecorder recorder;
  private final LongSupplier nanoClock;
  private final long polledAt;
  private long lastStep;
  private long markerSentAt;
  private long callStartedAt;
  private long handedAt;
  private long batchedAt;

  private CommandTimeline(PhaseRecorder recorder, LongSupplier nanoClock) {
    this.recorder = recorder;
    this.nanoClock = nanoClock;
    this.polledAt = nanoClock.getAsLong();
    this.lastStep = polledAt;
  }

  /** A timeline that records nothing (callers that do not time). */
  public static CommandTimeline untimed() {
    return new CommandTimeline((p, n) -> {}, () -> 0L);
  }

  /** A command was polled now. */
  public static CommandTimeline polled(PhaseRecorder recorder, LongSupplier nanoClock) {
    return new CommandTimeline(recorder, nanoClock);
  }

  /** The command reached the head of its vehicle's queue. */
  public void dispatched() {
    lastStep = record(CommandPhase.QUEUED, polledAt);
  }

  /** An attempt marker is being written. */
  public void markerSent() {
    markerSentAt = nanoClock.getAsLong();
  }

  /** The marker was acknowledged. */
  public void markerAcked() {
    lastStep = record(CommandPhase.MARKER, markerSentAt);
  }

  /** The call to Smartcar goes out. */
  public void callStarted() {
    callStartedAt = nanoClock.getAsLong();
  }

  /** Smartcar answered (or the call failed). */
  public void callEnded() {
    lastStep = record(CommandPhase.CALL, callStartedAt);
  }

  /** The final outcome was handed to the committer. */
  public void handed() {
    handedAt = record(CommandPhase.RESULT, lastStep);
  }

  /** The outcome was taken into a transaction. */
  public void batched() {
    batchedAt = record(CommandPhase.BATCH_WAIT, handedAt);
  }

  /** That transaction committed. */
  public void committed() {
    long now = record(CommandPhase.COMMIT, batchedAt);
    recorder.record(CommandPhase.END_TO_END, now - polledAt);
  }

  private long record(CommandPhase phase, long since) {
    long now = nanoClock.getAsLong();
    recorder.record(phase, now - since);
    return now;
  }
}
