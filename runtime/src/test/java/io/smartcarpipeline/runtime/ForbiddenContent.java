package io.smartcarpipeline.runtime;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What must never be in the runtime jar, in one place: the embedded broker (local-stack), Kafka's
 * broker side and Scala, JMH, the simulator, the benchmarks, the launcher, and test libraries.
 * Checked twice: on the resolved dependency list (names) and on the jar's entries (the classes
 * themselves, whatever dependency brought them).
 */
final class ForbiddenContent {

  /** {@code groupId:artifactId} of forbidden dependencies. */
  static final List<Pattern> ARTIFACTS =
      Stream.of(
              "io\\.smartcarpipeline:(local-stack|smartcar-sim|benchmarks|launcher)",
              // the broker, its Java modules and its tools; kafka-clients and kafka-streams stay
              "org\\.apache\\.kafka:kafka_.*",
              "org\\.apache\\.kafka:kafka-(server.*|storage.*|metadata|raft|tools.*|.*coordinator.*)",
              "org\\.apache\\.kafka:(connect|trogdor).*",
              "org\\.apache\\.kafka:kafka-streams-test-utils",
              "org\\.scala-lang.*:.*",
              ".*:.*_2\\.1[0-9]",
              "org\\.openjdk\\.jmh:.*",
              "(org\\.junit.*|junit|org\\.assertj|org\\.awaitility|org\\.mockito|org\\.hamcrest"
                  + "|org\\.opentest4j|org\\.testcontainers|com\\.github\\.docker-java):.*")
          .map(Pattern::compile)
          .toList();

  /** Jar entries of forbidden code. */
  static final List<Pattern> ENTRIES =
      Stream.of(
              "io/smartcarpipeline/(localstack|sim|bench|launcher)/.*",
              // Kafka's Scala broker is package kafka.*; kafka-clients keeps only properties there
              "kafka/.*\\.class",
              "scala/.*",
              // the broker's Java side (server, storage, raft, metadata, coordinators, tools):
              // of org.apache.kafka only the clients, Streams and the plug-in interfaces may ship
              "org/apache/kafka/(?!(clients|common|shaded|streams)/"
                  + "|server/(authorizer|policy|quota|telemetry)/).+/.*",
              "org/apache/kafka/streams/(TopologyTestDriver|TestInputTopic|TestOutputTopic)\\.class",
              "org/apache/kafka/streams/(test|processor/api/MockProcessorContext).*",
              "org/openjdk/jmh/.*",
              "(org/junit|junit|org/assertj|org/awaitility|org/mockito|org/hamcrest|org/opentest4j"
                  + "|org/testcontainers|com/github/dockerjava)/.*")
          .map(Pattern::compile)
          .toList();

  private ForbiddenContent() {}

  /** The coordinates ({@code group:artifact:…}) that name a forbidden artifact. */
  static List<String> forbiddenArtifacts(List<String> coordinates) {
    return coordinates.stream()
        .filter(c -> ARTIFACTS.stream().anyMatch(p -> p.matcher(groupAndArtifact(c)).matches()))
        .toList();
  }

  /** The jar entries (files; directories are left out) that are forbidden code. */
  static List<String> forbiddenEntries(Stream<String> entries) {
    return entries
        .filter(e -> !e.endsWith("/"))
        .filter(e -> ENTRIES.stream().anyMatch(p -> p.matcher(e).matches()))
        .toList();
  }

  private static String groupAndArtifact(String coordinates) {
    String[] parts = coordinates.trim().split(":");
    return parts.length < 2 ? coordinates.trim() : parts[0] + ":" + parts[1];
  }
}
