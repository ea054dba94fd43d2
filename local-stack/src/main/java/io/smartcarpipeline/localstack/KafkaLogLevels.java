package io.smartcarpipeline.localstack;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-process broker quiet: when logback is the SLF4J binding, the broker's loggers that
 * the application did not configure itself are set to WARN. A level set in the application's
 * logback configuration always wins.
 */
final class KafkaLogLevels {

  /** Loggers of the broker and controller (Scala {@code kafka.*} and Java server packages). */
  private static final List<String> BROKER_LOGGERS =
      List.of(
          "kafka",
          "state.change.logger",
          "org.apache.kafka.server",
          "org.apache.kafka.raft",
          "org.apache.kafka.controller",
          "org.apache.kafka.metadata",
          "org.apache.kafka.image",
          "org.apache.kafka.storage",
          "org.apache.kafka.snapshot",
          "org.apache.kafka.coordinator",
          "org.apache.kafka.queue",
          "org.apache.kafka.network",
          "org.apache.kafka.security",
          "org.apache.kafka.common.network",
          "org.apache.kafka.common.security",
          "org.apache.kafka.common.metrics",
          "org.apache.kafka.common.utils.AppInfoParser",
          "org.apache.kafka.common.config.AbstractConfig");

  private KafkaLogLevels() {}

  static void quietBrokerLoggersUnlessConfigured() {
    if (!logbackIsTheBinding()) {
      return;
    }
    for (String name : BROKER_LOGGERS) {
      ch.qos.logback.classic.Logger logger =
          (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
      if (logger.getLevel() == null) {
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }

  private static boolean logbackIsTheBinding() {
    try {
      Class<?> context = Class.forName("ch.qos.logback.classic.LoggerContext");
      return context.isInstance(LoggerFactory.getILoggerFactory());
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
