package io.smartcarpipeline.dispatcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each step of a command records the phase it ends, measured from the right earlier step. */
class CommandTimelineTest {

  private record Recorded(CommandPhase phase, long millis) {}

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Recorded> recorded = new ArrayList<>();
  private final CommandTimeline.PhaseRecorder recorder =
      (phase, n) -> recorded.add(new Recorded(phase, TimeUnit.NANOSECONDS.toMillis(n)));

  private void at(long millis) {
    nanos.set(1_000_000_000L + TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void shouldRecordEachPhaseOfACallFromTheStepBeforeIt() {
    CommandTimeline t = CommandTimeline.polled(recorder, nanos::get);
    at(2);
    t.dispatched();
    at(3);
    t.markerSent();
    at(10);
    t.markerAcked();
    at(11);
    t.callStarted();
    at(31);
    t.callEnded();
    at(32);
    t.handed();
    at(40);
    t.batched();
    at(55);
    t.committed();

    assertThat(recorded)
        .containsExactly(
            new Recorded(CommandPhase.QUEUED, 2),
            new Recorded(CommandPhase.MARKER, 7),
            new Recorded(CommandPhase.CALL, 20),
            new Recorded(CommandPhase.RESULT, 1),
            new Recorded(CommandPhase.BATCH_WAIT, 8),
            new Recorded(CommandPhase.COMMIT, 15),
            new Recorded(CommandPhase.END_TO_END, 55));
  }

  @Test
  void shouldTimeEveryAttemptAndTheResultFromTheLastAnswer() {
    CommandTimeline t = CommandTimeline.polled(recorder, nanos::get);
    t.dispatched();
    for (long start : new long[] {0, 100}) {
      at(start + 1);
      t.markerSent();
      at(start + 4);
      t.markerAcked();
      t.callStarted();
      at(start + 50);
      t.callEnded();
    }
    at(152);
    t.handed();

    assertThat(recorded)
        .filteredOn(r -> r.phase() == CommandPhase.MARKER)
        .extracting(Recorded::millis)
        .containsExactly(3L, 3L);
    assertThat(recorded)
        .filteredOn(r -> r.phase() == CommandPhase.CALL)
        .extracting(Recorded::millis)
        .containsExactly(46L, 46L);
    assertThat(recorded).last().isEqualTo(new Recorded(CommandPhase.RESULT, 2));
  }

  @Test
  void shouldTimeTheResultFromTheHeadOfTheQueueWhenNoCallWasMade() {
    CommandTimeline t = CommandTimeline.polled(recorder, nanos::get);
    at(5);
    t.dispatched();
    at(9);
    t.handed();

    assertThat(recorded)
        .containsExactly(
            new Recorded(CommandPhase.QUEUED, 5), new Recorded(CommandPhase.RESULT, 4));
  }

  @Test
  void shouldExportPhasesAsOneHistogramTaggedByPhase() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DispatcherMetrics metrics = new DispatcherMetrics(registry);

    metrics.phase(CommandPhase.MARKER, TimeUnit.MILLISECONDS.toNanos(3));
    metrics.phase(CommandPhase.MARKER, TimeUnit.MILLISECONDS.toNanos(5));
    metrics.phase(CommandPhase.COMMIT, TimeUnit.MILLISECONDS.toNanos(20));

    String text = registry.scrape();
    assertThat(text)
        .contains("dispatcher_command_phase_seconds_count{phase=\"marker\"} 2")
        .contains("dispatcher_command_phase_seconds_count{phase=\"commit\"} 1")
        .contains("dispatcher_command_phase_seconds_count{phase=\"queued\"} 0")
        // one of the two markers falls in a bucket between 3 and 5 ms
        .containsPattern(
            "dispatcher_command_phase_seconds_bucket\\{phase=\"marker\",le=\"0\\.00[34]\\d*\"} 1\n");
  }
}
