package io.smartcarpipeline.processors.testdata;

import io.smartcarpipeline.serde.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A schema registry in memory, for unit tests of the serdes and topologies. */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private final List<Schema> byId = new ArrayList<>();
  private final Map<String, List<Integer>> subjects = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = byId.indexOf(schema);
    if (id < 0) {
      byId.add(schema);
      id = byId.size() - 1;
    }
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id + 1;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    int id = byId.indexOf(schema);
    if (id < 0 || !subjects.getOrDefault(subject, List.of()).contains(id)) {
      throw new IllegalStateException("not registered under " + subject);
    }
    return id + 1;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = subjects.get(subject);
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id + 1, byId.get(id));
  }

  @Override
  public synchronized Schema byId(int id) {
    return byId.get(id - 1);
  }
}
