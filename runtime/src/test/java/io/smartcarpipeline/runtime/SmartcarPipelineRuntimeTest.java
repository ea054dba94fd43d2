package io.smartcarpipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcarpipeline.support.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SmartcarPipelineRuntimeTest {

  @Test
  void theSubcommandsAreTheThreeServices() {
    assertThat(SmartcarPipelineRuntime.commandLine().getSubcommands().keySet())
        .containsExactlyInAnyOrder("gateway", "processors", "dispatcher", "fleet-sync");
  }

  @Test
  void helpOfAServiceDescribesItWithoutStartingIt() {
    CommandLine cl = SmartcarPipelineRuntime.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));

    int exitCode = cl.execute("processors", "--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("Usage: smartcar-pipeline-runtime processors")
        .contains("stream processors");
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    CommandLine cl = SmartcarPipelineRuntime.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));

    assertThat(cl.execute("kafka")).isEqualTo(CommandLine.ExitCode.USAGE);
  }

  @Test
  void aMissingSettingIsOneLineNamingItAndExitCodeTwo() throws Exception {
    CommandLine cl = SmartcarPipelineRuntime.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));

    int exitCode =
        SmartcarPipelineRuntime.configError(
            new ConfigException("SMARTCAR_CLIENT_ID", "is required"), cl, null);

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: Setting SMARTCAR_CLIENT_ID: is required\n");
  }

  @Test
  void anyOtherFailureKeepsItsException() {
    IllegalStateException down = new IllegalStateException("Kafka unreachable");

    assertThatThrownBy(
            () ->
                SmartcarPipelineRuntime.configError(
                    down, SmartcarPipelineRuntime.commandLine(), null))
        .isSameAs(down);
  }
}
