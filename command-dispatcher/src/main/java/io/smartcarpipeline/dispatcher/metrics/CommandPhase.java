package io.smartcarpipeline.dispatcher.metrics;

import java.util.Locale;

/**
 * The phases one command goes through in the dispatcher, timed by {@link CommandTimeline} and
 * exported as {@code dispatcher_command_phase_seconds{phase=...}}. {@link #spentOn()} tells the
 * dispatcher's own CPU and queueing apart from waiting for Kafka (acks, transaction commits) and
 * for Smartcar.
 */
public enum CommandPhase {
  /** Polled by the consumer thread → at the head of its vehicle's queue on the event loop. */
  QUEUED(SpentOn.DISPATCHER),
  /**
   * "Attempt started" marker produced → its ack handled on the event loop (per attempt): {@link
   * #MARKER_ACK} plus the hop back to the event loop, which waits behind whatever the loop has to
   * do.
   */
  MARKER(SpentOn.KAFKA),
  /** Marker produced → the broker's ack seen on the producer's I/O thread (per attempt). */
  MARKER_ACK(SpentOn.KAFKA),
  /** HTTP call to Smartcar: request sent → response parsed (per attempt). */
  CALL(SpentOn.SMARTCAR),
  /** Last response (or the head of the queue, when no call was made) → handed to the committer. */
  RESULT(SpentOn.DISPATCHER),
  /** Handed over → taken into a transaction (waiting for the running one to commit). */
  BATCH_WAIT(SpentOn.KAFKA),
  /** Transaction begun → committed: produce, offsets and commit round trips. */
  COMMIT(SpentOn.KAFKA),
  /** Polled → committed: all of the above. */
  END_TO_END(SpentOn.ALL);

  /** What a phase mostly waits for. */
  public enum SpentOn {
    /** The dispatcher's own CPU and queueing (threads, event loop, vehicle queue). */
    DISPATCHER,
    /** Broker acknowledgements and transaction commits. */
    KAFKA,
    /** The Smartcar API (here: the simulator). */
    SMARTCAR,
    /** Everything. */
    ALL
  }

  private final SpentOn spentOn;

  CommandPhase(SpentOn spentOn) {
    this.spentOn = spentOn;
  }

  /** What the phase mostly waits for. */
  public SpentOn spentOn() {
    return spentOn;
  }

  /** The value of the {@code phase} tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
