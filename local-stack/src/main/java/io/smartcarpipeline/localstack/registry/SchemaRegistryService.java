package io.smartcarpipeline.localstack.registry;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations, free of HTTP: reads answer from the in-memory state; every change is
 * first written to the {@code _schemas} topic and applied only after the broker's ack, and changes
 * run one at a time so ids and version numbers are never handed out twice.
 */
final class SchemaRegistryService {

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryService.class);

  private final RegistryState state;
  private final KafkaSchemaLog schemaLog;
  private Future<Void> lastChange = Future.succeededFuture();

  SchemaRegistryService(RegistryState state, KafkaSchemaLog schemaLog) {
    this.state = state;
    this.schemaLog = schemaLog;
  }

  RegistryState state() {
    return state;
  }

  /**
   * Registers a schema under a subject and returns its global id: the existing id when the subject
   * already has it, the id it has under another subject, or the next id.
   */
  Future<Integer> register(String subject, CanonicalSchema schema) {
    return oneAtATime(
        () -> {
          Optional<SchemaVersion> existing = state.find(subject, schema);
          if (existing.isPresent()) {
            return Future.succeededFuture(existing.get().id());
          }
          List<String> problems =
              state
                  .effectiveLevel(subject)
                  .incompatibilities(schema.schema(), state.parsedVersions(subject));
          if (!problems.isEmpty()) {
            log.info("schema_rejected subject={} reason=incompatible", subject);
            return Future.failedFuture(
                RegistryException.incompatibleSchema(subject, problems.toString()));
          }
          int id = state.idOf(schema).orElse(state.nextId());
          SchemaVersion version =
              new SchemaVersion(subject, state.nextVersion(subject), id, schema.text());
          return store(
                  RegistryLogRecords.schemaKey(version), RegistryLogRecords.schemaValue(version))
              .map(
                  stored -> {
                    state.applySchema(version);
                    log.info(
                        "schema_registered subject={} version={} id={}",
                        subject,
                        version.version(),
                        id);
                    return id;
                  });
        });
  }

  /** The version of {@code subject} holding this schema. */
  SchemaVersion lookup(String subject, CanonicalSchema schema) {
    if (!state.hasSubject(subject)) {
      throw RegistryException.subjectNotFound(subject);
    }
    return state.find(subject, schema).orElseThrow(RegistryException::schemaNotFound);
  }

  /**
   * Why {@code schema} may not be registered next to the given version of {@code subject} (empty:
   * compatible); with no version, against every version the subject's level demands.
   */
  List<String> incompatibilities(String subject, VersionRef version, CanonicalSchema schema) {
    CompatibilityLevel level = state.effectiveLevel(subject);
    if (version == null) {
      return level.incompatibilities(schema.schema(), state.parsedVersions(subject));
    }
    SchemaVersion against = version(subject, version);
    Schema earlier = CanonicalSchema.ofStored(against.schema()).schema();
    return level.incompatibilitiesWith(schema.schema(), earlier);
  }

  /** A version of a subject, or the 40401/40402 errors. */
  SchemaVersion version(String subject, VersionRef version) {
    if (!state.hasSubject(subject)) {
      throw RegistryException.subjectNotFound(subject);
    }
    Optional<SchemaVersion> found =
        version.isLatest() ? state.latest(subject) : state.version(subject, version.number());
    return found.orElseThrow(RegistryException::versionNotFound);
  }

  /** Sets the compatibility level of a subject, or the global one when the subject is null. */
  Future<CompatibilityLevel> setLevel(String subjectOrNull, CompatibilityLevel level) {
    return oneAtATime(
        () ->
            store(
                    RegistryLogRecords.configKey(subjectOrNull),
                    RegistryLogRecords.configValue(level))
                .map(
                    stored -> {
                      state.applyConfig(subjectOrNull, level);
                      log.info(
                          "compatibility_set subject={} level={}",
                          subjectOrNull == null ? "<global>" : subjectOrNull,
                          level);
                      return level;
                    }));
  }

  private Future<Void> store(String key, String value) {
    return schemaLog
        .append(key, value)
        .recover(
            error -> {
              log.warn(
                  "registry_store_failed topic={} reason={}", schemaLog.topic(), error.toString());
              return Future.failedFuture(
                  RegistryException.storeError("Error while storing to the registry topic"));
            });
  }

  /** Runs changes in arrival order, each after the previous one has finished. */
  private synchronized <T> Future<T> oneAtATime(Supplier<Future<T>> change) {
    Future<T> result = lastChange.transform(previous -> change.get());
    lastChange = result.transform(done -> Future.succeededFuture());
    return result;
  }
}
