package io.smartcarpipeline.localstack.junit;

/** Where the integration tests' Kafka broker and schema registry run. */
public enum TestBackend {
  /**
   * In the test JVM: {@link io.smartcarpipeline.localstack.LocalStack}, our broker and registry.
   */
  EMBEDDED,
  /** In Docker: Apache Kafka's and Confluent's own images ({@link ContainerStack}). */
  CONTAINERS
}
