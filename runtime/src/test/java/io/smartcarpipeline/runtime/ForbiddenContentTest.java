package io.smartcarpipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The forbidden-content rules catch what the launcher jar holds and let the services through. */
class ForbiddenContentTest {

  @Test
  void brokerScalaJmhAndTestArtifactsAreForbiddenAndTheServicesDependenciesAreNot() {
    List<String> forbidden =
        List.of(
            "org.apache.kafka:kafka_2.13:jar:4.3.1:compile",
            "org.apache.kafka:kafka-server:jar:4.3.1:compile",
            "org.apache.kafka:kafka-server-common:jar:4.3.1:compile",
            "org.apache.kafka:kafka-storage:jar:4.3.1:compile",
            "org.apache.kafka:kafka-metadata:jar:4.3.1:compile",
            "org.apache.kafka:kafka-raft:jar:4.3.1:compile",
            "org.apache.kafka:kafka-group-coordinator:jar:4.3.1:compile",
            "org.apache.kafka:kafka-streams-test-utils:jar:4.3.1:compile",
            "org.scala-lang:scala-library:jar:2.13.18:compile",
            "com.typesafe.scala-logging:scala-logging_2.13:jar:3.9.6:runtime",
            "org.openjdk.jmh:jmh-core:jar:1.37:compile",
            "io.smartcarpipeline:local-stack:jar:0.1.0-SNAPSHOT:compile",
            "io.smartcarpipeline:smartcar-sim:jar:0.1.0-SNAPSHOT:compile",
            "io.smartcarpipeline:benchmarks:jar:0.1.0-SNAPSHOT:compile",
            "org.junit.jupiter:junit-jupiter-api:jar:5.13.4:compile",
            "org.assertj:assertj-core:jar:3.27.4:compile",
            "org.awaitility:awaitility:jar:4.3.0:compile",
            "org.mockito:mockito-core:jar:5.0.0:compile",
            "org.testcontainers:testcontainers:jar:2.0.5:compile");
    List<String> allowed =
        List.of(
            "org.apache.kafka:kafka-clients:jar:4.3.1:compile -- module kafka.clients (auto)",
            "org.apache.kafka:kafka-streams:jar:4.3.1:compile",
            "io.smartcarpipeline:ingest-gateway:jar:0.1.0-SNAPSHOT:compile",
            "org.rocksdb:rocksdbjni:jar:10.1.3:compile");

    assertThat(ForbiddenContent.forbiddenArtifacts(forbidden)).containsExactlyElementsOf(forbidden);
    assertThat(ForbiddenContent.forbiddenArtifacts(allowed)).isEmpty();
  }

  @Test
  void brokerScalaJmhAndTestClassesAreForbiddenEntriesAndClientClassesAreNot() {
    List<String> forbidden =
        List.of(
            "kafka/server/KafkaBroker.class",
            "kafka/Kafka.class",
            "scala/Option.class",
            "org/apache/kafka/server/config/ServerConfigs.class",
            "org/apache/kafka/storage/internals/log/LogConfig.class",
            "org/apache/kafka/raft/KafkaRaftClient.class",
            "org/apache/kafka/metadata/BrokerRegistration.class",
            "org/apache/kafka/coordinator/group/GroupCoordinator.class",
            "org/apache/kafka/streams/TopologyTestDriver.class",
            "org/openjdk/jmh/annotations/Benchmark.class",
            "io/smartcarpipeline/localstack/LocalStack.class",
            "io/smartcarpipeline/sim/SmartcarApiSim.class",
            "io/smartcarpipeline/bench/BenchCommand.class",
            "io/smartcarpipeline/launcher/SmartcarPipeline.class",
            "org/junit/jupiter/api/Test.class",
            "org/assertj/core/api/Assertions.class",
            "org/testcontainers/kafka/KafkaContainer.class");
    List<String> allowed =
        List.of(
            "kafka/kafka-version.properties",
            "org/apache/kafka/clients/producer/KafkaProducer.class",
            "org/apache/kafka/common/serialization/Serde.class",
            "org/apache/kafka/server/authorizer/Authorizer.class",
            "org/apache/kafka/server/telemetry/ClientTelemetry.class",
            "org/apache/kafka/shaded/com/google/protobuf/Message.class",
            "org/apache/kafka/streams/KafkaStreams.class",
            "org/apache/kafka/",
            "io/smartcarpipeline/gateway/GatewayApp.class",
            "io/smartcarpipeline/runtime/SmartcarPipelineRuntime.class");

    assertThat(ForbiddenContent.forbiddenEntries(forbidden.stream()))
        .containsExactlyElementsOf(forbidden);
    assertThat(ForbiddenContent.forbiddenEntries(allowed.stream())).isEmpty();
    assertThat(ForbiddenContent.forbiddenEntries(Stream.empty())).isEmpty();
  }
}
