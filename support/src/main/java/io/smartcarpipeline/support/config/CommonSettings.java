package io.smartcarpipeline.support.config;

import java.util.Map;

/**
 * The setting names and defaults every service shares (docs/DESIGN.md, "Ports and configuration").
 */
public final class CommonSettings {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
  public static final String TOPIC_REPLICATION_FACTOR = "TOPIC_REPLICATION_FACTOR";
  public static final String TOPIC_PARTITIONS = "TOPIC_PARTITIONS";

  /** Defaults: the embedded local stack. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          KAFKA_BOOTSTRAP_SERVERS,
          "localhost:9092",
          SCHEMA_REGISTRY_URL,
          "http://localhost:8081",
          TOPIC_REPLICATION_FACTOR,
          "1",
          BindAddress.KEY,
          BindAddress.LOOPBACK);

  private CommonSettings() {}

  /** {@link #DEFAULTS} with a service's own defaults on top. */
  public static Map<String, String> defaultsWith(Map<String, String> serviceDefaults) {
    java.util.Map<String, String> merged = new java.util.LinkedHashMap<>(DEFAULTS);
    merged.putAll(serviceDefaults);
    return merged;
  }
}
