package io.smartcarpipeline.launcher;

import io.vertx.core.json.JsonObject;
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
import picocli.CommandLine.Option;

/**
 * {@code compatibility (--vehicle V | --make M --model M --year Y)}: asks the running fleet-sync
 * (whose budget share and cache every Compatibility API call goes through) what the vehicle
 * supports, and prints it; for a known vehicle fleet-sync also keeps it on the connection record.
 */
@Command(
    name = "compatibility",
    mixinStandardHelpOptions = true,
    description = {
      "Print which signals and commands a vehicle supports, from Smartcar's Compatibility API,"
          + " through the running fleet-sync (FLEET_SYNC_URL, default http://localhost:8084)."
    })
final class CompatibilityCommand implements Callable<Integer>, SmartcarPipeline.EnvAware {

  /** Where fleet-sync listens. */
  static final String FLEET_SYNC_URL = "FLEET_SYNC_URL";

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = "--vehicle",
        description = "A vehicle fleet-sync knows (its make, model, year).")
    String vehicle;

    @ArgGroup(exclusive = false)
    ModelYear modelYear;
  }

  static final class ModelYear {
    @Option(names = "--make", required = true, description = "Make, e.g. TESLA.")
    String make;

    @Option(names = "--model", required = true, description = "Model, e.g. 'Model 3'.")
    String model;

    @Option(names = "--year", required = true, description = "Model year.")
    int year;
  }

  private Map<String, String> env = Map.of();

  @Override
  public void env(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    String base = env.getOrDefault(FLEET_SYNC_URL, "http://localhost:8084");
    String query =
        target.vehicle != null
            ? "vehicle=" + enc(target.vehicle)
            : "make="
                + enc(target.modelYear.make)
                + "&model="
                + enc(target.modelYear.model)
                + "&year="
                + target.modelYear.year;
    HttpResponse<String> answer;
    try {
      answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/compatibility?" + query))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      System.err.println(
          "error: fleet-sync does not answer at "
              + base
              + ": is it running? (bin/smartcar-pipeline fleet-sync; FLEET_SYNC_URL)");
      return 1;
    }
    JsonObject body = new JsonObject(answer.body());
    if (answer.statusCode() != 200) {
      System.err.println(
          "error: "
              + body.getJsonObject("error", new JsonObject()).getString("message", answer.body()));
      return 1;
    }
    System.out.printf(
        "%s %s %s%s%n",
        body.getString("make"),
        body.getString("model"),
        body.getInteger("year"),
        body.getString("region") != null ? " (" + body.getString("region") + ")" : "");
    print("signals", body.getJsonObject("signals"));
    print("commands", body.getJsonObject("commands"));
    return 0;
  }

  private static void print(String title, JsonObject support) {
    System.out.println(title + ":");
    if (support == null || support.isEmpty()) {
      System.out.println("  (unknown)");
      return;
    }
    support.fieldNames().stream()
        .sorted()
        .forEach(
            name -> {
              Object v = support.getValue(name);
              String s = v == null ? "unknown" : Boolean.TRUE.equals(v) ? "supported" : "no";
              System.out.printf("  %-40s %s%n", name, s);
            });
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
