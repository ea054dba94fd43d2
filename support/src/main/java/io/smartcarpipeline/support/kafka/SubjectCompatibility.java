package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.RestSchemaRegistryClient;
import java.util.Collection;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the schema evolution policy (docs/schema-evolution.md) into the registry: at start, a
 * service sets the compatibility level of the value subjects of the topics it writes ({@link
 * TopicSpec#valueCompatibility()}), so the registry refuses an incompatible schema before any
 * record carries it. A subject that already has its own level is left alone (an operator may have
 * chosen it) with a warning when it differs; a registry that refuses the change (no permission on
 * {@code /config}) costs a warning, not the start.
 */
public final class SubjectCompatibility {

  private static final Logger LOG = LoggerFactory.getLogger(SubjectCompatibility.class);

  private SubjectCompatibility() {}

  /** Sets the policy's level on every topic's value subject that has no level of its own. */
  public static void ensure(KafkaClientSettings kafka, Collection<? extends TopicSpec<?>> topics) {
    ensure(new RestSchemaRegistryClient(AvroSerdeConfig.from(kafka.registry())), topics);
  }

  static void ensure(RestSchemaRegistryClient registry, Collection<? extends TopicSpec<?>> topics) {
    for (TopicSpec<?> topic : topics) {
      String subject = topic.valueSubject();
      String wanted = topic.valueCompatibility();
      try {
        Optional<String> current = registry.compatibility(subject);
        if (current.isEmpty()) {
          registry.setCompatibility(subject, wanted);
          LOG.info("schema_compatibility_set subject={} level={}", subject, wanted);
        } else if (!current.get().equals(wanted)) {
          LOG.warn(
              "schema_compatibility_differs subject={} level={} policy={}: left as the operator"
                  + " set it; PUT /config/{} with compatibility {} restores the policy",
              subject,
              current.get(),
              wanted,
              subject,
              wanted);
        }
      } catch (SerializationException e) {
        LOG.warn(
            "schema_compatibility_not_set subject={} policy={}: {}. Ask the registry's operator"
                + " to set it (docs/schema-evolution.md)",
            subject,
            wanted,
            e.getMessage());
      }
    }
  }
}
