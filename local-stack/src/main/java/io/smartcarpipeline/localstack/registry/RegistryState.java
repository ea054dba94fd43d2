package io.smartcarpipeline.localstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state in memory: schemas by global id, subjects and their versions, and the
 * compatibility configuration. It changes only by applying records that are already in the {@code
 * _schemas} topic, so replaying the topic rebuilds it exactly. Thread-safe.
 */
final class RegistryState {

  private final Map<Integer, CanonicalSchema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final NavigableMap<String, NavigableMap<Integer, SchemaVersion>> subjects =
      new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int maxId;

  /** Applies a stored subject version; a later record for the same version replaces it. */
  synchronized void applySchema(SchemaVersion version) {
    CanonicalSchema schema =
        schemasById.computeIfAbsent(version.id(), id -> CanonicalSchema.ofStored(version.schema()));
    idsBySchema.putIfAbsent(schema.text(), version.id());
    maxId = Math.max(maxId, version.id());
    subjects
        .computeIfAbsent(version.subject(), s -> new TreeMap<>())
        .put(
            version.version(),
            new SchemaVersion(version.subject(), version.version(), version.id(), schema.text()));
  }

  /** Applies a stored compatibility level; a null subject is the global level. */
  synchronized void applyConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level;
    } else {
      subjectLevels.put(subject, level);
    }
  }

  synchronized Optional<CanonicalSchema> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The global id already given to this canonical schema, under any subject. */
  synchronized OptionalInt idOf(CanonicalSchema schema) {
    Integer id = idsBySchema.get(schema.text());
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The id the next new schema gets: ids are global and monotonic from 1. */
  synchronized int nextId() {
    return maxId + 1;
  }

  synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  synchronized boolean hasSubject(String subject) {
    return subjects.containsKey(subject);
  }

  /** The subject's versions, oldest first; empty for an unknown subject. */
  synchronized List<SchemaVersion> versions(String subject) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null ? List.of() : List.copyOf(versions.values());
  }

  synchronized Optional<SchemaVersion> version(String subject, int version) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  synchronized Optional<SchemaVersion> latest(String subject) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null || versions.isEmpty()
        ? Optional.empty()
        : Optional.of(versions.lastEntry().getValue());
  }

  /** The version of {@code subject} holding this schema, if it was registered there. */
  synchronized Optional<SchemaVersion> find(String subject, CanonicalSchema schema) {
    return versions(subject).stream().filter(v -> v.schema().equals(schema.text())).findFirst();
  }

  /** The number the next version of {@code subject} gets. */
  synchronized int nextVersion(String subject) {
    return latest(subject).map(v -> v.version() + 1).orElse(1);
  }

  /** Every (subject, version) that uses the schema with this id. */
  synchronized List<SchemaVersion> usagesOf(int id) {
    List<SchemaVersion> usages = new ArrayList<>();
    subjects
        .values()
        .forEach(vs -> vs.values().stream().filter(v -> v.id() == id).forEach(usages::add));
    return usages;
  }

  /** The parsed schemas of a subject's versions, oldest first. */
  synchronized List<Schema> parsedVersions(String subject) {
    return versions(subject).stream().map(v -> schemasById.get(v.id()).schema()).toList();
  }

  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The level that governs registrations under {@code subject}. */
  synchronized CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }
}
