package io.smartcarpipeline.schemas.asyncapi;

import io.smartcarpipeline.schemas.SchemaPolicy;
import io.smartcarpipeline.schemas.TopicSpec;

/** The prose of the AsyncAPI document: what holds for every topic, and one topic's facts. */
final class DocumentTexts {

  static final String INTRODUCTION =
      """
      The Kafka topics of smartcar-pipeline: Smartcar API V3 vehicle data and commands as Avro \
      events. Generated from the Topics registry and the Avro schemas of the `schemas` module; do \
      not edit by hand (regenerate: `./mvnw -B -q -pl schemas -am -Pasyncapi \
      process-test-classes`).

      Keys are the Smartcar vehicle id as a UTF-8 string, so every record of a vehicle lands in \
      one partition and keeps its order. Values are Avro in the Confluent wire format: byte 0, \
      the 4-byte big-endian schema id, then Avro binary; the schema is registered under the \
      subject `<topic>-value` (TopicNameStrategy). Any Confluent-compatible deserializer reads \
      them. Our producers compress batches with lz4: a client without lz4 support needs a codec \
      (kafkajs: `kafkajs-lz4`, see examples/node).

      Schema evolution (docs/schema-evolution.md): every value subject is %s, so \
      a reader on any version reads records of every version; a change that cannot be made so \
      becomes a new topic (`….v2`).
      """
          .formatted(SchemaPolicy.COMPATIBILITY_LEVEL);

  static final String LOCAL_SERVER =
      "The embedded broker of `bin/smartcar-pipeline demo` and `bin/smartcar-pipeline kafka`,"
          + " with its schema registry at http://localhost:8081. In production:"
          + " KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL.";

  private DocumentTexts() {}

  static String channelDescription(TopicSpec<?> topic) {
    return String.join(
        "\n",
        topic.doc().summary(),
        "",
        "- Writer: " + topic.writer().label() + ".",
        "- Readers: " + String.join(", ", topic.doc().readers()) + ".",
        "- Delivery: " + topic.doc().delivery(),
        "- Ordering: " + topic.doc().ordering(),
        "- Key: the Smartcar vehicle id (UTF-8 string).",
        "- Value: Avro `"
            + topic.valueType().getName()
            + "`, Confluent wire format, subject `"
            + topic.valueSubject()
            + "` ("
            + topic.valueCompatibility()
            + ").",
        "- Partitions: "
            + topic.partitions()
            + " by default (TOPIC_PARTITIONS overrides); "
            + (topic.compacted()
                ? "compacted: the newest record per vehicle is kept"
                : "retention " + AsyncApiGenerator.retention(topic.config()))
            + ".");
  }
}
