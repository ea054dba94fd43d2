package io.smartcarpipeline.processors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StreamsPropertiesTest {

  @Test
  void streamsParsesThePropertiesWithoutAWarning() {
    // given Streams' config logger recorded
    Logger logger = (Logger) LoggerFactory.getLogger(StreamsConfig.class);
    ListAppender<ILoggingEvent> recorded = new ListAppender<>();
    recorded.start();
    logger.addAppender(recorded);
    try {
      // when the processors' properties are parsed as Kafka Streams does at start
      new StreamsConfig(StreamsProperties.of(ProcessorsConfig.load(Map.of()), 8082));
    } finally {
      logger.detachAppender(recorded);
    }

    // then nothing asks the operator to set anything
    assertThat(recorded.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  @Test
  void theGlobalHandlerSettingIsOneStreamsKnows() {
    assertThat(StreamsConfig.configDef().names())
        .contains(StreamsProperties.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED);
    StreamsConfig parsed =
        new StreamsConfig(StreamsProperties.of(ProcessorsConfig.load(Map.of()), 8082));
    assertThat(parsed.getBoolean(StreamsProperties.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED))
        .isTrue();
  }
}
