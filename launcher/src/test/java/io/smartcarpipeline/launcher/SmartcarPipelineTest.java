package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SmartcarPipelineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = SmartcarPipeline.commandLine(Map.of());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpListsTheSubcommandsOfDesignMd() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("demo", "kafka", "gateway", "processors", "dispatcher", "sim", "command");
  }

  @Test
  void unknownCommandTypeIsOneLineSayingWhatIsAllowed() {
    int exit = run("command", "fly", "--vehicle", "v", "--user", "u");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: unknown command type 'fly'")
        .contains("SET_CHARGE_LIMIT")
        .doesNotContain("Exception");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    int exit = run("command", "unlock", "--vehicle", "v");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--user");
  }

  @Test
  void badDurationNamesTheOption() {
    int exit = run("demo", "--duration", "soon");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("--duration");
  }

  @Test
  void theDemoAndTheLocalStackListenOnLoopbackOrEveryInterfaceNotOnOneOther() {
    CommandLine cl = SmartcarPipeline.commandLine(Map.of("BIND_ADDRESS", "192.168.1.20"));
    cl.setErr(new PrintWriter(err, true));

    assertThat(cl.execute("demo", "--duration", "1s")).isNotZero();
    assertThat(err.toString()).contains("BIND_ADDRESS").contains("0.0.0.0");
  }

  @Test
  void fleetSizeIsChecked() {
    assertThat(run("demo", "--vehicles", "0")).isEqualTo(1);
    assertThat(err.toString()).contains("--vehicles must be 1..10000");
  }

  @Test
  void simHelpOffersTheLoadOptionsBesideTheFleetOnes() {
    assertThat(run("sim", "--help")).isZero();

    assertThat(out.toString())
        .contains("--gateway", "--vehicles", "--duration")
        .contains("--load-rate", "--load-concurrency", "--load-signals");
  }

  @Test
  void simLoadModeTakesARateOrAConcurrencyNotBoth() {
    int exit = run("sim", "--load-rate", "100", "--load-concurrency", "8", "--duration", "1s");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("either a rate").doesNotContain("Exception");
  }

  @Test
  void simLoadModeChecksTheSignalCount() {
    int exit = run("sim", "--load-rate", "100", "--load-signals", "31", "--duration", "1s");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("signals must be 1..30");
  }
}
