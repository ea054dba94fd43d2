package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files under {@code deploy/} as {@link DeployManifestsTest} sees them: YAML documents, the
 * containers that run our image, and the topic declarations. Plain reading, no judgement.
 */
final class DeployFiles {

  /** The image of {@code deploy/Dockerfile}, as the manifests name it. */
  static final String IMAGE = "smartcar-pipeline";

  /** What the environment holds for a variable that comes from a Secret or a field reference. */
  static final String FROM_ELSEWHERE = "<valueFrom>";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SCRIPT_TOPIC = Pattern.compile("^topic\\s+(\\S+)\\s+(\\d+)(.*)$");
  private static final Pattern SHELL_DEFAULT = Pattern.compile("\\$\\{\\w+:-([^}]*)}");

  final Path root;

  private DeployFiles(Path root) {
    this.root = root;
  }

  /** {@code deploy/} next to this module (surefire runs in the module's directory). */
  static DeployFiles inRepository() {
    Path root =
        Path.of(System.getProperty("basedir", "."))
            .toAbsolutePath()
            .resolve("../deploy")
            .normalize();
    assertThat(root).as("the deploy folder").isDirectory();
    return new DeployFiles(root);
  }

  /** A container running our image: where it is declared, its subcommand and environment. */
  record Container(String where, String subcommand, Map<String, String> env, JsonNode spec) {}

  /** A declared topic; {@code replicas} is -1 where the declaration leaves it to a variable. */
  record TopicDeclaration(String name, int partitions, int replicas, Map<String, String> config) {}

  String text(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML file; fails on a file that does not parse. */
  static List<JsonNode> documents(Path file) {
    try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      return docs.readAll().stream().filter(d -> d != null && !d.isNull()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  List<JsonNode> kubernetes(String kind) {
    return yamlFiles().stream()
        .filter(p -> p.startsWith(root.resolve("kubernetes")))
        .flatMap(p -> documents(p).stream())
        .filter(d -> kind.equals(d.path("kind").asText()))
        .toList();
  }

  JsonNode compose() {
    return documents(root.resolve("compose.yaml")).get(0);
  }

  /** {@code KEY=VALUE} lines of {@code .env.example}. */
  Map<String, String> envExample() {
    Map<String, String> env = new LinkedHashMap<>();
    text(".env.example")
        .lines()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    return env;
  }

  /** Containers of Deployments and StatefulSets that run our image. */
  List<Container> kubernetesContainers() {
    Map<String, JsonNode> configMaps = new LinkedHashMap<>();
    kubernetes("ConfigMap")
        .forEach(c -> configMaps.put(c.path("metadata").path("name").asText(), c));
    List<Container> out = new ArrayList<>();
    for (String kind : List.of("Deployment", "StatefulSet")) {
      for (JsonNode workload : kubernetes(kind)) {
        for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
          if (c.path("image").asText().startsWith(IMAGE)) {
            String where = kind + " " + workload.path("metadata").path("name").asText();
            out.add(new Container(where, c.path("args").path(0).asText(), env(c, configMaps), c));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> env(JsonNode container, Map<String, JsonNode> configMaps) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      String name = from.path("configMapRef").path("name").asText();
      assertThat(configMaps).as("ConfigMaps (envFrom)").containsKey(name);
      env.putAll(fields(configMaps.get(name).path("data")));
    }
    for (JsonNode e : container.path("env")) {
      env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : FROM_ELSEWHERE);
    }
    return env;
  }

  /** Compose services that run our image. */
  List<Container> composeContainers() {
    List<Container> out = new ArrayList<>();
    compose()
        .path("services")
        .properties()
        .forEach(
            s -> {
              JsonNode service = s.getValue();
              if (service.path("image").asText().startsWith(IMAGE)) {
                Map<String, String> env = fields(service.path("environment"));
                String sub = service.path("command").path(0).asText();
                out.add(new Container("compose service " + s.getKey(), sub, env, service));
              }
            });
    return out;
  }

  /** Deployments and StatefulSets. */
  List<JsonNode> workloads() {
    List<JsonNode> all = new ArrayList<>(kubernetes("Deployment"));
    all.addAll(kubernetes("StatefulSet"));
    return all;
  }

  /** The pod template of the workload a Service's selector picks, or null. */
  JsonNode podTemplateSelectedBy(JsonNode selector) {
    for (JsonNode w : workloads()) {
      JsonNode template = w.path("spec").path("template");
      Map<String, String> labels = fields(template.path("metadata").path("labels"));
      if (!selector.isEmpty() && labels.entrySet().containsAll(fields(selector).entrySet())) {
        return template;
      }
    }
    return null;
  }

  /** Our containers in compose and in Kubernetes. */
  List<Container> allContainers() {
    List<Container> all = new ArrayList<>(composeContainers());
    all.addAll(kubernetesContainers());
    return all;
  }

  /** A YAML mapping of scalars as a map of strings. */
  static Map<String, String> fields(JsonNode mapping) {
    Map<String, String> out = new LinkedHashMap<>();
    mapping.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The first group of every match of {@code pattern} in {@code values}. */
  static Set<String> captures(Pattern pattern, Collection<String> values) {
    Set<String> out = new TreeSet<>();
    for (String v : values) {
      Matcher m = pattern.matcher(v);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** The {@code topic NAME PARTITIONS KEY=VALUE…} lines of {@code topics/create-topics.sh}. */
  List<TopicDeclaration> scriptTopics() {
    List<TopicDeclaration> out = new ArrayList<>();
    for (String line : text("topics/create-topics.sh").lines().toList()) {
      Matcher m = SCRIPT_TOPIC.matcher(line.trim());
      if (m.matches()) {
        String name = SHELL_DEFAULT.matcher(m.group(1).replace("\"", "")).replaceAll("$1");
        Map<String, String> config = new LinkedHashMap<>();
        for (String kv : m.group(3).trim().split("\\s+")) {
          if (!kv.isEmpty()) {
            config.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          }
        }
        out.add(new TopicDeclaration(name, Integer.parseInt(m.group(2)), -1, config));
      }
    }
    return out;
  }

  /** The Strimzi {@code KafkaTopic} resources under {@code topics/}. */
  List<TopicDeclaration> strimziTopics() {
    return yamlFiles().stream()
        .filter(p -> p.startsWith(root.resolve("topics")))
        .flatMap(p -> documents(p).stream())
        .filter(d -> "KafkaTopic".equals(d.path("kind").asText()))
        .map(
            d -> {
              JsonNode spec = d.path("spec");
              Map<String, String> config = fields(spec.path("config"));
              String name = spec.path("topicName").asText(d.path("metadata").path("name").asText());
              return new TopicDeclaration(
                  name, spec.path("partitions").asInt(), spec.path("replicas").asInt(), config);
            })
        .toList();
  }
}
