package io.smartcarpipeline.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API the serde needs. Implementations cache: a
 * schema id never changes meaning, so every lookup is made at most once per client.
 */
public interface SchemaRegistryClient {

  /** {@code POST /subjects/{subject}/versions}: registers (or finds) the schema, returns its id. */
  int register(String subject, Schema schema);

  /** {@code POST /subjects/{subject}}: the id of an already registered schema. */
  int lookup(String subject, Schema schema);

  /** {@code GET /subjects/{subject}/versions/latest}: the newest version's id and schema. */
  RegisteredSchema latest(String subject);

  /** {@code GET /schemas/ids/{id}}: the schema with that global id. */
  Schema byId(int id);

  /** A schema as the registry holds it under a subject. */
  record RegisteredSchema(String subject, int version, int id, Schema schema) {}
}
