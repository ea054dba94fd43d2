package io.smartcarpipeline.processors.query;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders Avro records as JSON for the query API: field names as in the schema, timestamps as
 * ISO-8601 strings, enums by name, bytes as base64, nulls kept so the shape is stable.
 */
public final class AvroJson {

  private AvroJson() {}

  /** The record as a JSON object. */
  public static JsonObject toJson(IndexedRecord record) {
    JsonObject out = new JsonObject();
    for (Schema.Field f : record.getSchema().getFields()) {
      out.put(f.name(), value(record.get(f.pos())));
    }
    return out;
  }

  private static Object value(Object v) {
    if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
      return v;
    }
    if (v instanceof IndexedRecord r) {
      return toJson(r);
    }
    if (v instanceof Instant i) {
      return i.toString();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (v instanceof Map<?, ?> m) {
      JsonObject o = new JsonObject();
      m.forEach((k, val) -> o.put(String.valueOf(k), value(val)));
      return o;
    }
    if (v instanceof List<?> l) {
      JsonArray a = new JsonArray();
      l.forEach(x -> a.add(value(x)));
      return a;
    }
    return v.toString();
  }
}
