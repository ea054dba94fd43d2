package io.smartcarpipeline.processors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StreamsPropertiesTest {

  private static StreamsConfig parsed() {
    return new StreamsConfig(StreamsProperties.of(ProcessorsConfig.load(Map.of()), 8082));
  }

  @Test
  void streamsParsesThePropertiesWithoutAWarning() {
    List<String> warnings = configWarnings(StreamsPropertiesTest::parsed);

    assertThat(warnings).isEmpty();
  }

  @Test
  void thePartitionAssignorParsesTheMainConsumerSettingsWithoutAWarning() {
    // the assignor builds its own StreamsConfig from the main consumer's settings alone
    Map<String, Object> mainConsumer = parsed().getMainConsumerConfigs("group", "client", 0);

    List<String> warnings = configWarnings(() -> new StreamsConfig(mainConsumer));

    assertThat(warnings).isEmpty();
  }

  /** The WARN lines Streams' config logger writes while {@code parse} runs. */
  private static List<String> configWarnings(Runnable parse) {
    Logger logger = (Logger) LoggerFactory.getLogger(StreamsConfig.class);
    ListAppender<ILoggingEvent> recorded = new ListAppender<>();
    recorded.start();
    logger.addAppender(recorded);
    try {
      parse.run();
    } finally {
      logger.detachAppender(recorded);
    }
    return recorded.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void theGlobalHandlerSettingIsOneStreamsKnows() {
    assertThat(StreamsConfig.configDef().names())
        .contains(StreamsProperties.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED);
    assertThat(parsed().getBoolean(StreamsProperties.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED))
        .isTrue();
  }

  @Test
  void anInstanceIdMakesTheMainConsumerAStaticMemberAndNoneLeavesItDynamic() {
    Map<String, Object> withId =
        new StreamsConfig(
                StreamsProperties.of(
                    ProcessorsConfig.load(Map.of("PROCESSORS_INSTANCE_ID", "processors-0")), 8082))
            .getMainConsumerConfigs("group", "client", 0);

    // Streams adds each stream thread's index, so every thread is its own static member
    assertThat(withId)
        .containsEntry("group.instance.id", "smartcar-stream-processors-processors-0-0");
    assertThat(parsed().getMainConsumerConfigs("group", "client", 0))
        .doesNotContainKey("group.instance.id");
  }
}
