package io.smartcarpipeline.gateway.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the gateway can do its work: a periodic, non-blocking probe of the Kafka cluster (Admin
 * {@code describeCluster}) and of the Schema Registry ({@code GET /subjects}), each with a short
 * timeout. Rule: {@code /health/ready} answers from the cached result, so a probe never runs per
 * request and never blocks an event loop; a change of state is logged once.
 */
public final class KafkaReadiness implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaReadiness.class);

  private final Vertx vertx;
  private final Admin admin;
  private final Runnable registryProbe;
  private final Duration probeTimeout;
  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final AtomicBoolean probing = new AtomicBoolean(false);
  private long timerId = -1;

  /**
   * @param registryProbe a blocking call that returns when the registry answers and throws when it
   *     does not; it runs on a worker thread, through the serde's own registry client, so TLS and
   *     credentials are the ones serving uses
   */
  public KafkaReadiness(Vertx vertx, Admin admin, Runnable registryProbe, Duration interval) {
    this.vertx = vertx;
    this.admin = admin;
    this.registryProbe = registryProbe;
    this.probeTimeout =
        interval.compareTo(Duration.ofSeconds(2)) < 0 ? interval : Duration.ofSeconds(2);
    long ms = Math.max(100, interval.toMillis());
    this.timerId = vertx.setPeriodic(1, ms, id -> probe());
  }

  /** The last probe's verdict, for {@code /health/ready}. */
  public Future<Boolean> ready() {
    return Future.succeededFuture(ready.get());
  }

  /** Runs one probe now (if none is running) and returns its verdict. */
  public Future<Boolean> probe() {
    if (!probing.compareAndSet(false, true)) {
      return ready();
    }
    return Future.all(kafka(), registry())
        .map(all -> Boolean.TRUE.equals(all.resultAt(0)) && Boolean.TRUE.equals(all.resultAt(1)))
        .otherwise(false)
        .onComplete(ar -> probing.set(false))
        .onSuccess(this::record);
  }

  private Future<Boolean> kafka() {
    DescribeClusterOptions options =
        new DescribeClusterOptions().timeoutMs((int) probeTimeout.toMillis());
    return Future.fromCompletionStage(
            admin.describeCluster(options).nodes().toCompletionStage(), vertx.getOrCreateContext())
        .map(nodes -> !nodes.isEmpty())
        .otherwise(false);
  }

  private Future<Boolean> registry() {
    return vertx
        .executeBlocking(
            () -> {
              registryProbe.run();
              return true;
            },
            false)
        .otherwise(false);
  }

  private void record(boolean now) {
    boolean before = ready.getAndSet(now);
    if (before != now) {
      if (now) {
        LOG.info("gateway_ready kafka=up registry=up");
      } else {
        LOG.warn("gateway_not_ready reason=kafka_or_registry_unreachable");
      }
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(timerId);
  }
}
