package io.smartcarpipeline.schemas.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.smartcarpipeline.schemas.TopicDoc;
import io.smartcarpipeline.schemas.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;

/**
 * Builds the AsyncAPI 3 document of the pipeline's topics from the {@code Topics} registry (names,
 * writers, readers, partitions, compaction, retention, ordering, delivery) and the Avro schemas
 * compiled from {@code src/main/avro}. Nothing here names a topic: a topic added to the registry
 * appears in the document when it is regenerated ({@link AsyncApiWriter}).
 */
public final class AsyncApiGenerator {

  static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
  private static final String KAFKA_BINDING_VERSION = "0.5.0";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  private AsyncApiGenerator() {}

  /** The document as YAML, byte for byte what {@code docs/asyncapi.yaml} must hold. */
  public static String yaml(List<TopicSpec<?>> topics) {
    try {
      return YAML.writerWithDefaultPrettyPrinter().writeValueAsString(document(topics));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document as a JSON tree. */
  public static ObjectNode document(List<TopicSpec<?>> topics) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("asyncapi", "3.0.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "smartcar-pipeline topics");
    info.put("version", "1.0.0");
    info.put("description", DocumentTexts.INTRODUCTION);
    info.putObject("license").put("name", "Apache-2.0");
    ObjectNode server = doc.putObject("servers").putObject("local");
    server.put("host", "localhost:9092");
    server.put("protocol", "kafka");
    server.put("description", DocumentTexts.LOCAL_SERVER);
    server
        .putObject("bindings")
        .putObject("kafka")
        .put("schemaRegistryUrl", "http://localhost:8081")
        .put("schemaRegistryVendor", "confluent")
        .put("bindingVersion", KAFKA_BINDING_VERSION);
    ObjectNode channels = doc.putObject("channels");
    ObjectNode operations = doc.putObject("operations");
    for (TopicSpec<?> topic : topics) {
      channels.set(topic.name(), channel(topic));
      operations.set(operationId("send", topic), operation("send", topic));
      operations.set(operationId("receive", topic), operation("receive", topic));
    }
    return doc;
  }

  private static ObjectNode channel(TopicSpec<?> topic) {
    TopicDoc meaning = topic.doc();
    ObjectNode channel = JSON.createObjectNode();
    channel.put("address", topic.name());
    channel.put("title", topic.name());
    channel.put("summary", meaning.summary());
    channel.put("description", DocumentTexts.channelDescription(topic));
    channel.putObject("messages").set(messageName(topic), message(topic));
    ObjectNode binding = channel.putObject("bindings").putObject("kafka");
    binding.put("topic", topic.name());
    binding.put("partitions", topic.partitions());
    ObjectNode config = binding.putObject("topicConfiguration");
    ArrayNode cleanup = config.putArray("cleanup.policy");
    for (String policy : topic.config().getOrDefault("cleanup.policy", "delete").split(",")) {
      cleanup.add(policy.trim());
    }
    if (topic.config().containsKey("retention.ms")) {
      config.put("retention.ms", Long.parseLong(topic.config().get("retention.ms")));
    }
    binding.put("bindingVersion", KAFKA_BINDING_VERSION);
    return channel;
  }

  private static ObjectNode message(TopicSpec<?> topic) {
    ObjectNode message = JSON.createObjectNode();
    message.put("name", messageName(topic));
    message.put("title", messageName(topic));
    message.put("summary", topic.doc().summary());
    message.put("contentType", "application/octet-stream");
    ObjectNode payload = message.putObject("payload");
    payload.put("schemaFormat", AVRO_FORMAT);
    payload.set("schema", avroSchema(topic));
    ObjectNode kafka = message.putObject("bindings").putObject("kafka");
    kafka
        .putObject("key")
        .put("type", "string")
        .put("description", "The Smartcar vehicle id, UTF-8.");
    kafka.put("schemaIdLocation", "payload");
    kafka.put("schemaIdPayloadEncoding", "confluent");
    kafka.put("schemaLookupStrategy", "TopicNameStrategy");
    kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
    return message;
  }

  private static ObjectNode operation(String action, TopicSpec<?> topic) {
    ObjectNode operation = JSON.createObjectNode();
    operation.put("action", action);
    operation.putObject("channel").put("$ref", "#/channels/" + pointerEscape(topic.name()));
    String who =
        action.equals("send") ? topic.writer().label() : String.join(", ", topic.doc().readers());
    operation.put("summary", (action.equals("send") ? "Written by " : "Read by ") + who + ".");
    operation
        .putArray("messages")
        .addObject()
        .put(
            "$ref",
            "#/channels/" + pointerEscape(topic.name()) + "/messages/" + messageName(topic));
    return operation;
  }

  /**
   * The value schema as compiled from the {@code .avsc} files (named types inlined where first
   * used), without the {@code avro.java.string} hints the Java code generator adds.
   */
  static JsonNode avroSchema(TopicSpec<?> topic) {
    try {
      JsonNode schema = JSON.readTree(SpecificData.get().getSchema(topic.valueType()).toString());
      stripJavaHints(schema);
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stripJavaHints(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("avro.java.string");
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      stripJavaHints(it.next());
    }
  }

  static String messageName(TopicSpec<?> topic) {
    return topic.valueType().getSimpleName();
  }

  static String operationId(String action, TopicSpec<?> topic) {
    return action + "-" + topic.name();
  }

  static String retention(Map<String, String> config) {
    String ms = config.get("retention.ms");
    if (ms == null) {
      return "the broker's default";
    }
    Duration d = Duration.ofMillis(Long.parseLong(ms));
    return d.toDays() > 0 && d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toString();
  }

  /** JSON Pointer escaping of one reference token (RFC 6901). */
  private static String pointerEscape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
