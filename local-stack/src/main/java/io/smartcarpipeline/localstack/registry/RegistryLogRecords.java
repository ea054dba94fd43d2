package io.smartcarpipeline.localstack.registry;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of the {@code _schemas} topic, in Confluent's layout: JSON keys {@code
 * {"keytype":"SCHEMA","subject","version","magic":1}} and {@code
 * {"keytype":"CONFIG","subject","magic":0}} (a null subject is the global config), JSON values.
 * Keys are written with a fixed field order so compaction keeps one record per key.
 */
final class RegistryLogRecords {

  private static final Logger log = LoggerFactory.getLogger(RegistryLogRecords.class);

  private RegistryLogRecords() {}

  static String schemaKey(SchemaVersion version) {
    return new JsonObject()
        .put("keytype", "SCHEMA")
        .put("subject", version.subject())
        .put("version", version.version())
        .put("magic", 1)
        .encode();
  }

  static String schemaValue(SchemaVersion version) {
    return new JsonObject()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema())
        .put("deleted", false)
        .encode();
  }

  static String configKey(String subjectOrNull) {
    return new JsonObject()
        .put("keytype", "CONFIG")
        .put("subject", subjectOrNull)
        .put("magic", 0)
        .encode();
  }

  static String configValue(CompatibilityLevel level) {
    return new JsonObject().put("compatibilityLevel", level.name()).encode();
  }

  /**
   * Applies one record read from the topic to the state. Records this registry does not use (NOOP,
   * deletions, other key types) and records it cannot read are skipped with a log line.
   */
  static void apply(String key, String value, RegistryState state) {
    if (key == null || value == null) {
      return;
    }
    try {
      JsonObject keyJson = new JsonObject(key);
      JsonObject valueJson = new JsonObject(value);
      switch (keyJson.getString("keytype", "")) {
        case "SCHEMA" -> applySchema(valueJson, state);
        case "CONFIG" -> applyConfig(keyJson, valueJson, state);
        default -> log.debug("registry_record_skipped key={}", key);
      }
    } catch (DecodeException | ClassCastException | RegistryException e) {
      log.warn("registry_record_unreadable key={} reason={}", key, e.getMessage());
    }
  }

  private static void applySchema(JsonObject value, RegistryState state) {
    if (value.getBoolean("deleted", false)) {
      return;
    }
    state.applySchema(
        new SchemaVersion(
            value.getString("subject"),
            value.getInteger("version"),
            value.getInteger("id"),
            value.getString("schema")));
  }

  private static void applyConfig(JsonObject key, JsonObject value, RegistryState state) {
    CompatibilityLevel.parse(value.getString("compatibilityLevel"))
        .ifPresent(level -> state.applyConfig(key.getString("subject"), level));
  }
}
