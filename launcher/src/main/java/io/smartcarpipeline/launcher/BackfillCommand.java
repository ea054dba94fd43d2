package io.smartcarpipeline.launcher;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backfill --vehicle V | --all}: asks the running fleet-sync ({@code POST /backfill} on
 * {@code FLEET_SYNC_URL}, default {@code http://localhost:8084}) to read vehicles' signals now. It
 * does not read Smartcar itself: only the running service knows its budget share and when each
 * keyless Tesla was last read (one data read per 8 hours), so a second reader could break both.
 * Exit 0 when queued, 1 when fleet-sync refused (unknown vehicle), 2 when it cannot be reached.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Ask the running fleet-sync to read vehicles' signals through the V3 API now and publish"
          + " them on smartcar.vehicle-events.v1 (marked API_READ).",
      "The reads respect fleet-sync's budget share, Retry-After, asleep vehicles and Tesla's"
          + " one-read-per-8-hours rule, so some may go out later. FLEET_SYNC_URL: where"
          + " fleet-sync listens (default http://localhost:8084)."
    })
final class BackfillCommand implements Callable<Integer>, SmartcarPipeline.EnvAware {

  static final String URL_SETTING = "FLEET_SYNC_URL";

  static final class Target {
    @Option(names = "--vehicle", required = true, description = "One Smartcar vehicle id.")
    String vehicle;

    @Option(names = "--all", required = true, description = "Every connected vehicle.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Spec CommandSpec spec;

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    String base = env.getOrDefault(URL_SETTING, "http://localhost:8084").replaceAll("/+$", "");
    String query =
        target.all
            ? "all=true"
            : "vehicle=" + URLEncoder.encode(target.vehicle, StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      HttpResponse<String> answer =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/backfill?" + query))
                      .timeout(Duration.ofSeconds(30))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 202) {
        out.println(answer.body());
        out.flush();
        return 0;
      }
      err.println("error: fleet-sync answered " + answer.statusCode() + ": " + answer.body());
      err.flush();
      return 1;
    } catch (java.io.IOException | IllegalArgumentException e) {
      err.println(
          "error: cannot reach fleet-sync at "
              + base
              + " ("
              + e.getMessage()
              + "); start it with 'smartcar-pipeline fleet-sync' or set "
              + URL_SETTING);
      err.flush();
      return 2;
    }
  }
}
