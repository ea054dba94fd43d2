package io.smartcarpipeline.bench;

import io.smartcarpipeline.bench.jmh.HotPathBenchmarks;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark 6: runs {@link HotPathBenchmarks} with JMH (one fork, 3 × 1 s warm-up, 5 × 1 s
 * measured; with {@code --smoke} in-process and 1 × 100 ms) and reports µs per operation.
 */
final class JmhBench {

  static final String NAME = "jmh";

  private JmhBench() {}

  static void run(BenchOptions o, Report report) {
    ChainedOptionsBuilder b =
        new OptionsBuilder().include(HotPathBenchmarks.class.getName() + ".*");
    if (o.jmhQuick()) {
      b.forks(0)
          .warmupIterations(1)
          .warmupTime(TimeValue.milliseconds(100))
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(100));
    } else {
      b.forks(1)
          .jvmArgsAppend("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.smartcarpipeline.events")
          .warmupIterations(3)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(5)
          .measurementTime(TimeValue.seconds(1));
    }
    try {
      Collection<RunResult> results = new Runner(b.build()).run();
      if (results.size() < 6) {
        throw new IllegalStateException(
            "JMH produced " + results.size() + " of 6 results; see its output");
      }
      for (RunResult r : results) {
        String name = r.getParams().getBenchmark();
        name = name.substring(name.lastIndexOf('.') + 1);
        report.add(
            NAME,
            name + ", " + r.getParams().getParam("signals") + " signals",
            r.getPrimaryResult().getScore(),
            "µs/op",
            String.format("± %.3f (99.9%% CI)", r.getPrimaryResult().getScoreError()));
      }
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed: " + e, e);
    }
  }
}
