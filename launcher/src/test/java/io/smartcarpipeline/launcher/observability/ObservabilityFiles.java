package io.smartcarpipeline.launcher.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/observability/}: one Grafana dashboard per service ({@code
 * grafana/<service>.json}, named by the {@code service} tag every meter carries) and the Prometheus
 * rules ({@code prometheus/*-rules.yaml}). Plain reading: the PromQL expressions, by file.
 */
final class ObservabilityFiles {

  static final Path ROOT =
      Path.of(System.getProperty("basedir", "."))
          .toAbsolutePath()
          .resolve("../deploy/observability")
          .normalize();

  private ObservabilityFiles() {}

  /** Service name → every {@code expr} of its dashboard's panels and variables. */
  static Map<String, List<String>> dashboardQueries() {
    Map<String, List<String>> out = new TreeMap<>();
    for (Path file : files("grafana", ".json")) {
      String service = file.getFileName().toString().replaceFirst("\\.json$", "");
      List<String> exprs = new ArrayList<>();
      collect(read(new ObjectMapper(), file), exprs);
      out.put(service, exprs);
    }
    return out;
  }

  /** Rule file name → the {@code expr} of each of its rules. */
  static Map<String, List<String>> ruleExpressions() {
    Map<String, List<String>> out = new TreeMap<>();
    for (Path file : ruleFiles()) {
      List<String> exprs = new ArrayList<>();
      read(new YAMLMapper(), file)
          .path("groups")
          .forEach(g -> g.path("rules").forEach(r -> exprs.add(r.path("expr").asText())));
      out.put(file.getFileName().toString(), exprs);
    }
    return out;
  }

  static List<Path> ruleFiles() {
    return files("prometheus", "-rules.yaml");
  }

  static List<Path> ruleTestFiles() {
    return files("prometheus", "-rules.test.yaml");
  }

  static JsonNode dashboard(String service) {
    return read(new ObjectMapper(), ROOT.resolve("grafana").resolve(service + ".json"));
  }

  private static void collect(JsonNode node, List<String> exprs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                  exprs.add(e.getValue().asText());
                } else if (e.getKey().equals("query")
                    && e.getValue().isTextual()
                    && node.path("type").asText().equals("query")) {
                  exprs.add(e.getValue().asText()); // a variable: label_values(metric, label)
                } else {
                  collect(e.getValue(), exprs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, exprs));
    }
  }

  private static List<Path> files(String folder, String suffix) {
    Path dir = ROOT.resolve(folder);
    assertThat(dir).as("the observability folder").isDirectory();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }
}
