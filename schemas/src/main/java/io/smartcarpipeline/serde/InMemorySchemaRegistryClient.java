package io.smartcarpipeline.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A registry held in memory, for unit tests with {@code TopologyTestDriver} or {@code
 * MockProducer}: ids are global and the same schema always gets the same id. No compatibility
 * checks: integration tests use the real registry of {@code local-stack}.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
  private final Map<String, List<Schema>> subjects = new ConcurrentHashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id =
        ids.computeIfAbsent(
            schema,
            s -> {
              int n = nextId.getAndIncrement();
              schemas.put(n, s);
              return n;
            });
    List<Schema> versions = subjects.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
    if (!versions.contains(schema)) {
      versions.add(schema);
    }
    return id;
  }

  @Override
  public int lookup(String subject, Schema schema) {
    List<Schema> versions = subjects.get(subject);
    if (versions == null || !versions.contains(schema)) {
      throw new SerializationException("Schema not registered under subject " + subject);
    }
    return ids.get(schema);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    List<Schema> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SerializationException("Subject " + subject + " not found");
    }
    Schema schema = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), ids.get(schema), schema);
  }

  @Override
  public Schema byId(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new SerializationException("Schema id " + id + " not found");
    }
    return schema;
  }
}
