package io.smartcarpipeline.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The demo's logging configuration, applied to a context of its own: what reaches the terminal (the
 * console appenders write to System.err, captured here) and what only the file.
 */
class DemoLogTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
  private PrintStream realErr;
  private LoggerContext context;
  private Path file;

  @BeforeEach
  void configure() {
    realErr = System.err;
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    file = dir.resolve("demo.log");
    DemoLog.configure(context, file);
  }

  @AfterEach
  void restore() {
    context.stop();
    System.setErr(realErr);
  }

  @Test
  void aLibraryInfoGoesToTheFileOnly() throws IOException {
    log("org.apache.kafka.clients.producer.internals.TransactionManager").info("txn_info_line");

    assertThat(fileText()).contains("txn_info_line");
    assertThat(terminalText()).doesNotContain("txn_info_line");
  }

  @Test
  void aLibraryWarningGoesToTheFileOnly() throws IOException {
    log("org.apache.kafka.clients.producer.internals.Sender").warn("concurrent_txn_retry");

    assertThat(fileText()).contains("WARN").contains("concurrent_txn_retry");
    assertThat(terminalText()).doesNotContain("concurrent_txn_retry");
  }

  @Test
  void aLibraryErrorGoesToBoth() throws IOException {
    log("org.apache.kafka.streams.processor.internals.TaskManager").error("task_failed");

    assertThat(fileText()).contains("task_failed");
    assertThat(terminalText()).containsOnlyOnce("task_failed");
  }

  @Test
  void ourInfoGoesToTheFileOnly() throws IOException {
    log("io.smartcarpipeline.gateway.GatewayApp").info("gateway_started port=8080");

    assertThat(fileText()).contains("gateway_started port=8080");
    assertThat(terminalText()).doesNotContain("gateway_started");
  }

  @Test
  void ourWarningAndErrorGoToBothOnce() throws IOException {
    Logger ours = log("io.smartcarpipeline.dispatcher.DispatcherApp");
    ours.warn("command_dead_lettered");
    ours.error("dispatcher_failed");

    assertThat(fileText()).contains("command_dead_lettered").contains("dispatcher_failed");
    assertThat(terminalText())
        .containsOnlyOnce("command_dead_lettered")
        .containsOnlyOnce("dispatcher_failed");
  }

  @Test
  void theFileNamesTheLevelAndTheLogger() throws IOException {
    log("io.vertx.core.impl.VertxImpl").info("vertx_line");

    assertThat(fileText())
        .containsPattern("INFO +\\[[^]]+] io\\.vertx\\.core\\.impl\\.VertxImpl vertx_line");
  }

  private Logger log(String name) {
    return context.getLogger(name);
  }

  private String fileText() throws IOException {
    return Files.readString(file);
  }

  private String terminalText() {
    return terminal.toString(StandardCharsets.UTF_8);
  }
}
