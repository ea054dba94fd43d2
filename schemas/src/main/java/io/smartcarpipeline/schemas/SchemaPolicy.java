package io.smartcarpipeline.schemas;

/**
 * The schema evolution policy (docs/schema-evolution.md) as data: the Schema Registry compatibility
 * level of every value subject. {@code FULL_TRANSITIVE}: a new schema must be able to read records
 * of every earlier version (consumers that upgrade first, and readers of compacted and 30-day
 * topics, meet old records) and every earlier version must be able to read the new records
 * (consumers we do not control upgrade after our producers do). In Avro that allows adding or
 * removing a field that has a default, and adding an enum symbol to an enum with a default symbol;
 * everything else is a new topic version ({@code ….v2}).
 */
public final class SchemaPolicy {

  /** The level services set on the value subjects of the topics they write. */
  public static final String COMPATIBILITY_LEVEL = "FULL_TRANSITIVE";

  private SchemaPolicy() {}
}
