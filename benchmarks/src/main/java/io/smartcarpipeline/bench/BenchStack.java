package io.smartcarpipeline.bench;

import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.kafka.TopicCreator;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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

  private BenchStack(LocalStack local, String bootstrap, String registry) {
    this.local = local;
    this.bootstrap = bootstrap;
    this.registry = registry;
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
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
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
