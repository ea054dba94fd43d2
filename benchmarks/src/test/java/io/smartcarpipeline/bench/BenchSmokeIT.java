package io.smartcarpipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps the benchmarks from rotting: every benchmark runs once with {@code --smoke} sizes and must
 * produce its key figures, each above zero, and a Markdown section. Not a performance test: the
 * numbers themselves are not checked.
 */
class BenchSmokeIT {

  @TempDir Path dir;

  @Test
  void everyBenchmarkProducesPositiveFigures() throws Exception {
    // given
    BenchCommand bench = new BenchCommand();
    Path out = dir.resolve("BENCHMARKS.md");

    // when
    int exit = new CommandLine(bench).execute("all", "--smoke", "--out", out.toString());

    // then
    Report report = bench.report();
    assertThat(report.rows()).noneMatch(r -> r.metric().equals("FAILED"));
    assertThat(exit).isZero();
    assertPositive(
        report, "gateway", "10 signals, max rate (closed loop, 8 outstanding), gateway: accepted");
    assertPositive(
        report,
        "gateway",
        "10 signals, max rate (closed loop, 8 outstanding), bare Vert.x ceiling: answered");
    assertPositive(report, "gateway", "10 signals, plain producer ceiling");
    assertPositive(report, "gateway", "10 signals: gateway / HTTP ceiling");
    assertPositive(report, "processors", "topology catch-up: signals/s per stream thread");
    assertPositive(report, "processors", "plain consumer ceiling: events/s");
    assertPositive(report, "latency", "200 -> state visible in query API: p99");
    assertPositive(report, "dispatcher", "overhead per command: p99");
    assertPositive(report, "dispatcher", "phase end_to_end [dispatcher total]: p99");
    assertPositive(report, "dispatcher", "phase marker_ack [waiting for Kafka]: p50");
    assertPositive(report, "dispatcher", "3 s latency: commands in flight");
    assertPositive(report, "dispatcher", "3 s latency: heap after GC");
    assertPositive(report, "memory", "ingest-gateway: heap after GC");
    assertPositive(report, "memory", "stream-processors: RSS");
    assertPositive(report, "memory", "command-dispatcher: heap after GC");
    assertPositive(report, "jmh", "signatureCheck, 10 signals");
    assertPositive(report, "jmh", "parseAndNormalise, 10 signals");
    assertPositive(report, "jmh", "avroEncode, 10 signals");
    assertThat(Files.readString(out)).contains("## Run of", "| gateway |", "bench all --smoke");
  }

  private static void assertPositive(Report report, String bench, String metric) {
    assertThat(report.find(bench, metric))
        .as("%s / %s", bench, metric)
        .hasValueSatisfying(r -> assertThat(r.value()).isPositive());
  }
}
