package io.smartcarpipeline.bench;

import io.smartcarpipeline.gateway.GatewayApp;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.sim.load.LoadGenerator;
import io.smartcarpipeline.sim.load.LoadResult;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Benchmark 1: the gateway under unique signed webhooks of 10 and 30 signals, at maximum rate
 * (closed loop) and at fixed rates (open loop), next to its two ceilings measured in the same run:
 * a bare Vert.x endpoint under the same load (HTTP) and a plain producer sending records of the
 * same size with the same settings (Kafka). Rule: the gateway and the bare endpoint get the same
 * generator, the same request source and the same number of event loops.
 */
final class GatewayBench {

  static final String NAME = "gateway";
  private static final String PATH = "/webhooks/smartcar";

  private GatewayBench() {}

  static void run(BenchOptions o, Report report) {
    int loops = Runtime.getRuntime().availableProcessors();
    try (BenchStack stack = BenchStack.start(o);
        GatewayApp gateway = GatewayApp.start(settings(stack));
        BareHttpServer bare = BareHttpServer.start(loops)) {
      Vertx vertx = Vertx.vertx();
      try (LoadGenerator gw = generator(vertx, gateway.port(), o);
          LoadGenerator http = generator(vertx, bare.port(), o)) {
        for (int signals : o.signalSizes()) {
          measureSize(o, report, stack, gw, http, signals);
        }
      } finally {
        BareHttpServer.await(vertx.close());
      }
    }
  }

  static Settings settings(BenchStack stack) {
    return Settings.of(
        Map.of(
            GatewayConfig.MANAGEMENT_TOKEN,
            BenchOptions.TOKEN,
            GatewayConfig.PORT,
            "0",
            CommonSettings.KAFKA_BOOTSTRAP_SERVERS,
            stack.bootstrapServers(),
            CommonSettings.SCHEMA_REGISTRY_URL,
            stack.schemaRegistryUrl()));
  }

  private static LoadGenerator generator(Vertx vertx, int port, BenchOptions o) {
    return new LoadGenerator(vertx, "localhost", port, PATH, Math.max(o.concurrency(), 64), 1);
  }

  private static void measureSize(
      BenchOptions o,
      Report report,
      BenchStack stack,
      LoadGenerator gw,
      LoadGenerator http,
      int signals) {
    WebhookLoad source = new WebhookLoad(BenchOptions.TOKEN, signals, 5000);
    gw.closedLoop(source, o.concurrency(), o.warmup());
    http.closedLoop(source, o.concurrency(), o.warmup());
    String size = signals + " signals";
    String maxLabel =
        String.format(
            Locale.ROOT, "%s, max rate (closed loop, %d outstanding)", size, o.concurrency());
    List<LoadResult> gwMax = new ArrayList<>();
    List<LoadResult> httpMax = new ArrayList<>();
    for (int i = 0; i < o.runs(); i++) {
      gwMax.add(gw.closedLoop(source, o.concurrency(), o.duration()));
      httpMax.add(http.closedLoop(source, o.concurrency(), o.duration()));
    }
    double gwRate = LoadRows.add(report, NAME, maxLabel + ", gateway", gwMax, "accepted");
    double httpRate =
        LoadRows.add(report, NAME, maxLabel + ", bare Vert.x ceiling", httpMax, "answered");
    List<byte[]> records = KafkaCeiling.records(stack.schemaRegistryUrl(), signals, 2000);
    double kafkaRate =
        LoadRows.add(
            report,
            NAME,
            size + ", plain producer ceiling (" + records.get(0).length + " B records)",
            repeat(o.runs(), () -> KafkaCeiling.measure(stack, records, o.duration(), 1000)),
            "acked");
    report.add(
        NAME,
        size + ": gateway / HTTP ceiling",
        Stats.ratio(gwRate, httpRate),
        "ratio",
        "target >= 0.5");
    report.add(
        NAME, size + ": gateway / Kafka ceiling", Stats.ratio(gwRate, kafkaRate), "ratio", "");
    for (int rate : o.rates()) {
      String label = String.format(Locale.ROOT, "%s, fixed %,d/s (open loop)", size, rate);
      LoadRows.add(
          report,
          NAME,
          label + ", gateway",
          repeat(o.runs(), () -> gw.openLoop(source, rate, o.duration())),
          "accepted");
      LoadRows.add(
          report,
          NAME,
          label + ", bare Vert.x ceiling",
          repeat(o.runs(), () -> http.openLoop(source, rate, o.duration())),
          "answered");
    }
  }

  static List<LoadResult> repeat(int runs, Supplier<LoadResult> run) {
    List<LoadResult> out = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      out.add(run.get());
    }
    return out;
  }
}
