package io.smartcarpipeline.faults;

import io.smartcarpipeline.localstack.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Kafka broker alone in its JVM, so that a test can {@code SIGKILL} it: {@code BrokerMain PORT
 * DATA_DIR}. Rule: prints {@code broker_listening} once it accepts clients, and keeps its data in
 * DATA_DIR, so a start after a kill resumes (log recovery included) on the same port.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder()
            .port(Integer.parseInt(args[0]))
            .dataDir(Path.of(args[1]))
            .build();
    broker.start();
    System.out.println("broker_listening bootstrap=" + broker.bootstrapServers());
    new CountDownLatch(1).await();
  }
}
