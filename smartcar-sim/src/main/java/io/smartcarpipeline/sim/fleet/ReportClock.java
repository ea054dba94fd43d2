package io.smartcarpipeline.sim.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The time the fleet stamps on what it reports ({@code oemUpdatedAt}, {@code retrievedAt}, {@code
 * deliveredAt}, the ledger's times): the stand-in's clock (the wall clock unless a test injects
 * one), the clock command answers and the pipeline's own times (a command result's {@code
 * completedAt}) are on, so "reported after the command" means what it says. Each step's stamp is
 * strictly later than the previous one (by at least a millisecond), so two steps never share a
 * source time even when the clock stands still. The cars themselves live on the {@link
 * SimulatedClock}. Thread-safe.
 */
final class ReportClock {

  private final Clock clock;
  private long last = Long.MIN_VALUE;

  ReportClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The stamp of the next step: now, or a millisecond after the previous stamp if that is later.
   */
  synchronized Instant next() {
    last = Math.max(clock.millis(), last == Long.MIN_VALUE ? Long.MIN_VALUE : last + 1);
    return Instant.ofEpochMilli(last);
  }

  /** Now, never before the latest stamp. */
  synchronized Instant now() {
    return Instant.ofEpochMilli(Math.max(clock.millis(), last));
  }

  /** The underlying clock (report holds are judged on it). */
  Clock clock() {
    return clock;
  }
}
