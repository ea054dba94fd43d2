package io.smartcarpipeline.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SmartcarPipelineRuntimeTest {

  @Test
  void theSubcommandsAreTheThreeServices() {
    assertThat(SmartcarPipelineRuntime.commandLine().getSubcommands().keySet())
        .containsExactlyInAnyOrder("gateway", "processors", "dispatcher");
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
}
