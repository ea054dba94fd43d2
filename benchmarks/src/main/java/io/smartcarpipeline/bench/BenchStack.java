package io.smartcarpipeline.bench;

import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import io.smartcarpipeline.support.kafka.KafkaClientSettings;
import io.smartcarpipeline.support.kafka.KafkaClients;
import io.smartcarpipeline.support.kafka.TopicCreator;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka broker and schema registry a benchmark runs against: a fresh embedded {@link
 * LocalStack} on free ports (so one benchmark's records never reach another's), or an existing
 * cluster when the command line names one. Rule: every topic of {@code Topics} exists before a
 * benchmark starts.
 */
final class BenchStack implements AutoCloseable {

  private final LocalStack local;
  private final String bootstrap;
  private final String registry;
  private final KafkaClientSettings kafka;

  private BenchStack(LocalStack local, String bootstrap, String registry) {
    this.local = local;
    this.bootstrap = bootstrap;
    this.registry = registry;
    // an existing cluster may need TLS / SASL / registry credentials: KAFKA_* and
    // SCHEMA_REGISTRY_* from the environment, as every service reads them
    this.kafka =
        KafkaClientSettings.from(
            Settings.load(Map.of(), local == null ? System.getenv() : Map.of())
                .with(
                    Map.of(
                        CommonSettings.KAFKA_BOOTSTRAP_SERVERS, bootstrap,
                        CommonSettings.SCHEMA_REGISTRY_URL, registry)));
  }

  static BenchStack start(BenchOptions options) {
    BenchStack stack =
        options.bootstrapServers() == null
            ? fromLocal(LocalStack.start(LocalStack.Options.freePorts()))
            : new BenchStack(null, options.bootstrapServers(), options.schemaRegistryUrl());
    try (Admin admin = stack.admin()) {
      TopicCreator.ensureTopics(admin, Topics.all(), 1, Duration.ofSeconds(30));
    }
    return stack;
  }

  private static BenchStack fromLocal(LocalStack local) {
    return new BenchStack(local, local.bootstrapServers(), local.schemaRegistryUrl());
  }

  Admin admin() {
    return Admin.create(KafkaClients.adminConfig(kafka, "bench-admin", Duration.ofSeconds(30)));
  }

  /** Every client setting for this stack. */
  KafkaClientSettings kafka() {
    return kafka;
  }

  String bootstrapServers() {
    return bootstrap;
  }

  String schemaRegistryUrl() {
    return registry;
  }

  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
  }
}
