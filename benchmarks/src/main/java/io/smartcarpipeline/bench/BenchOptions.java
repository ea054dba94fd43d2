package io.smartcarpipeline.bench;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one {@code bench} run, from the command line. {@link #smoke()} gives the tiny sizes
 * of the smoke test (seconds, not minutes).
 *
 * @param runs how often each measurement is repeated; the report quotes the median
 * @param duration length of one measured load step (gateway)
 * @param warmup load before the first measured step, not recorded
 * @param rates the fixed (open-loop) rates of the gateway benchmark, webhooks/s
 * @param concurrency requests outstanding in the closed-loop (max rate) steps
 * @param signalSizes signals per webhook of the gateway benchmark
 * @param processorsSignals signals' worth of events preloaded for the processors benchmark
 * @param processorsVehicles vehicles those events belong to
 * @param streamThreads Kafka Streams threads of the processors
 * @param latencyRate webhooks/s of the latency benchmark
 * @param latencyDuration how long the latency benchmark sends
 * @param dispatcherRate commands/s of the dispatcher overhead step
 * @param dispatcherDuration how long that step sends
 * @param inFlightCommands commands sent at once against 3 s simulated latency
 * @param memoryVehicles vehicles whose state the memory benchmark builds up
 * @param jmhQuick JMH in-process with one short iteration (smoke), instead of forked
 */
public record BenchOptions(
    int runs,
    Duration duration,
    Duration warmup,
    List<Integer> rates,
    int concurrency,
    List<Integer> signalSizes,
    int processorsSignals,
    int processorsVehicles,
    int streamThreads,
    int latencyRate,
    Duration latencyDuration,
    int dispatcherRate,
    Duration dispatcherDuration,
    int inFlightCommands,
    int memoryVehicles,
    boolean jmhQuick,
    String bootstrapServers,
    String schemaRegistryUrl) {

  /** The management token the benchmarks sign with (not a secret: a local test value). */
  static final String TOKEN = "bench-management-token";

  /** Tiny sizes: every benchmark in seconds. */
  public static BenchOptions smoke() {
    return new BenchOptions(
        1,
        Duration.ofMillis(700),
        Duration.ofMillis(500),
        List.of(100),
        8,
        List.of(10),
        3_000,
        30,
        1,
        50,
        Duration.ofSeconds(2),
        20,
        Duration.ofSeconds(2),
        40,
        60,
        true,
        null,
        null);
  }
}
