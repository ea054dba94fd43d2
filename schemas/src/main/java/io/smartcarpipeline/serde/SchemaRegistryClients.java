package io.smartcarpipeline.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One caching client per registry configuration in a JVM, shared by every serializer and
 * deserializer instance (Kafka Streams makes one serde per task), so each schema id is fetched once
 * per process rather than once per task.
 */
public final class SchemaRegistryClients {

  private static final Map<AvroSerdeConfig, SchemaRegistryClient> CLIENTS =
      new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  /** The shared client for this configuration. */
  public static SchemaRegistryClient forConfig(AvroSerdeConfig config) {
    return CLIENTS.computeIfAbsent(config, RestSchemaRegistryClient::new);
  }
}
