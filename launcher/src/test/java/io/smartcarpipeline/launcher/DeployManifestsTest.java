package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.dispatcher.kafka.KafkaLedgerStore;
import io.smartcarpipeline.launcher.DeployFiles.Container;
import io.smartcarpipeline.launcher.DeployFiles.TopicDeclaration;
import io.smartcarpipeline.schemas.TopicSpec;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code deploy/} (compose file, Kubernetes manifests, topic definitions, Dockerfile) from
 * drifting away from the code: setting names, ports, probe paths, topics and the Avro property.
 */
class DeployManifestsTest {

  private static final Set<String> SERVICES = Set.of("gateway", "processors", "dispatcher");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\((\\w+)\\)");
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)");

  private static DeployFiles deploy;
  private static Set<String> opsPaths;

  @BeforeAll
  static void read() {
    deploy = DeployFiles.inRepository();
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      OpsRoutes.mount(
          router,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
          () -> Future.succeededFuture(true));
      opsPaths = router.getRoutes().stream().map(Route::getPath).collect(Collectors.toSet());
    } finally {
      vertx.close();
    }
  }

  @Test
  void everyYamlFileUnderDeployParses() {
    List<Path> files = deploy.yamlFiles();

    assertThat(files)
        .extracting(p -> deploy.root.relativize(p).toString())
        .contains("compose.yaml", "kubernetes/kustomization.yaml", "topics/kafka-topics.yaml");
    files.forEach(f -> assertThat(DeployFiles.documents(f)).as(f.toString()).isNotEmpty());
  }

  @Test
  void composeAndKubernetesRunEachServiceWithARealSubcommand() {
    Set<String> subcommands = SmartcarPipeline.commandLine(Map.of()).getSubcommands().keySet();

    for (List<Container> containers :
        List.of(deploy.composeContainers(), deploy.kubernetesContainers())) {
      assertThat(containers)
          .extracting(Container::subcommand)
          .containsExactlyInAnyOrderElementsOf(SERVICES);
      containers.forEach(c -> assertThat(subcommands).as(c.where()).contains(c.subcommand()));
    }
  }

  @Test
  void everyEnvironmentVariableOfOurContainersIsASettingTheServicesRead() {
    Set<String> known = KnownSettings.names();

    for (Container c : all()) {
      Set<String> helpers = references(c.env().values());
      c.env().keySet().stream()
          .filter(name -> !helpers.contains(name))
          .forEach(name -> assertThat(known).as(c.where() + " sets " + name).contains(name));
      helpers.forEach(
          h -> assertThat(c.env()).as(c.where() + " defines $(" + h + ")").containsKey(h));
    }
    deploy.kubernetes("ConfigMap").forEach(m -> assertKeysKnown(m.path("data"), known, m));
    deploy.kubernetes("Secret").forEach(s -> assertKeysKnown(s.path("stringData"), known, s));
    assertThat(known).as(".env.example").containsAll(deploy.envExample().keySet());
  }

  @Test
  void secretsComeFromTheSecretOrTheEnvFileAndTheExamplesHoldOnlyPlaceholders() {
    Set<String> secretKeys = new java.util.TreeSet<>();
    deploy
        .kubernetes("Secret")
        .forEach(s -> s.path("stringData").fieldNames().forEachRemaining(secretKeys::add));
    for (Container c : deploy.kubernetesContainers()) {
      for (JsonNode e : c.spec().path("env")) {
        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
        if (!ref.isMissingNode()) {
          assertThat(secretKeys).as(c.where() + " secretKeyRef").contains(ref.path("key").asText());
        }
      }
    }
    Set<String> interpolated = new java.util.TreeSet<>();
    deploy
        .composeContainers()
        .forEach(c -> interpolated.addAll(matches(INTERPOLATION, c.env().values())));
    assertThat(deploy.envExample().keySet())
        .as("variables compose takes from .env")
        .containsAll(interpolated);
    Map<String, String> placeholders = new TreeMap<>(deploy.envExample());
    deploy
        .kubernetes("Secret")
        .forEach(
            s ->
                s.path("stringData")
                    .properties()
                    .forEach(e -> placeholders.put(e.getKey(), e.getValue().asText())));
    placeholders.entrySet().stream()
        .filter(e -> e.getKey().matches("SMARTCAR_(MANAGEMENT_TOKEN.*|CLIENT_.*)"))
        .forEach(e -> assertThat(e.getValue()).as(e.getKey()).matches("(?i)(|replace.*)"));
  }

  @Test
  void containerPortsAndProbesMatchTheServicesDefaultsAndOpsRoutes() {
    assertThat(opsPaths).contains("/health/ready", "/health/live", "/metrics");
    for (Container c : deploy.kubernetesContainers()) {
      int port = defaultPort(c);
      JsonNode http = c.spec().path("ports").path(0);
      assertThat(http.path("containerPort").asInt())
          .as(c.where() + " containerPort")
          .isEqualTo(port);
      assertProbe(c, "readinessProbe", "/health/ready", http);
      assertProbe(c, "livenessProbe", "/health/live", http);
    }
    for (Container c : deploy.composeContainers()) {
      int port = defaultPort(c);
      assertThat(c.spec().path("ports").path(0).asText())
          .as(c.where() + " ports")
          .isEqualTo(port + ":" + port);
      String check = c.spec().path("healthcheck").path("test").toString();
      assertThat(check)
          .as(c.where() + " healthcheck")
          .contains("http://localhost:" + port + "/health/ready");
    }
  }

  @Test
  void prometheusScrapesEachPodOnItsMetricsRoute() {
    for (JsonNode workload : workloads()) {
      JsonNode template = workload.path("spec").path("template");
      JsonNode annotations = template.path("metadata").path("annotations");
      String where = workload.path("metadata").path("name").asText();
      int port =
          template
              .path("spec")
              .path("containers")
              .path(0)
              .path("ports")
              .path(0)
              .path("containerPort")
              .asInt();

      assertThat(annotations.path("prometheus.io/scrape").asText()).as(where).isEqualTo("true");
      assertThat(annotations.path("prometheus.io/port").asText())
          .as(where)
          .isEqualTo(String.valueOf(port));
      assertThat(opsPaths)
          .as(where + " metrics path")
          .contains(annotations.path("prometheus.io/path").asText());
      assertThat(template.path("spec").path("terminationGracePeriodSeconds").asInt())
          .as(where)
          .isGreaterThanOrEqualTo(30);
    }
  }

  @Test
  void everyServiceReachesAPortTheSelectedPodsExpose() {
    for (JsonNode service : deploy.kubernetes("Service")) {
      String name = service.path("metadata").path("name").asText();
      JsonNode pod = selected(service.path("spec").path("selector"));
      assertThat(pod).as(name + " selects a workload of ours").isNotNull();
      Set<String> exposed = new java.util.TreeSet<>();
      pod.path("spec")
          .path("containers")
          .path(0)
          .path("ports")
          .forEach(
              p -> {
                exposed.add(p.path("name").asText());
                exposed.add(p.path("containerPort").asText());
              });
      service
          .path("spec")
          .path("ports")
          .forEach(
              p ->
                  assertThat(exposed)
                      .as(name + " targetPort")
                      .contains(p.path("targetPort").asText()));
    }
  }

  @Test
  void streamProcessorsAdvertiseTheirStableNameOnTheHeadlessServiceAndKeepStateOnAVolume() {
    JsonNode sts =
        deploy.kubernetes("StatefulSet").stream()
            .filter(
                s ->
                    "processors"
                        .equals(
                            s.path("spec")
                                .path("template")
                                .path("spec")
                                .path("containers")
                                .path(0)
                                .path("args")
                                .path(0)
                                .asText()))
            .findFirst()
            .orElseThrow();
    Container c =
        deploy.kubernetesContainers().stream()
            .filter(k -> k.subcommand().equals("processors"))
            .findFirst()
            .orElseThrow();
    String headless = sts.path("spec").path("serviceName").asText();

    assertThat(c.env().get("PROCESSORS_ADVERTISED_HOST")).isEqualTo("$(POD_NAME)." + headless);
    JsonNode service =
        deploy.kubernetes("Service").stream()
            .filter(s -> s.path("metadata").path("name").asText().equals(headless))
            .findFirst()
            .orElseThrow();
    assertThat(service.path("spec").path("clusterIP").asText()).isEqualTo("None");
    String stateDir = c.env().get("PROCESSORS_STATE_DIR");
    String claim =
        sts.path("spec")
            .path("volumeClaimTemplates")
            .path(0)
            .path("metadata")
            .path("name")
            .asText();
    assertThat(
            c.spec().path("volumeMounts").findValues("mountPath").stream()
                .filter(m -> stateDir.startsWith(m.asText()))
                .count())
        .as("a mount holds " + stateDir)
        .isEqualTo(1);
    assertThat(c.spec().path("volumeMounts").toString()).contains("\"name\":\"" + claim + "\"");
  }

  @Test
  void topicScriptDeclaresExactlyTheRegistryTopicsWithTheirPartitionsAndConfigs() {
    List<TopicDeclaration> declared = deploy.scriptTopics();
    String script = deploy.text("topics/create-topics.sh");

    assertThat(byName(declared)).isEqualTo(expectedTopics());
    assertThat(script)
        .contains(
            "--create --if-not-exists",
            "REPLICATION_FACTOR:-3",
            "MIN_INSYNC_REPLICAS:-2",
            "min.insync.replicas=${MIN_INSYNC_REPLICAS}");
  }

  @Test
  void strimziTopicsDeclareExactlyTheRegistryTopicsWithProductionReplication() {
    List<TopicDeclaration> declared = deploy.strimziTopics();
    Map<String, Map.Entry<Integer, Map<String, String>>> withoutIsr = byName(declared);

    assertThat(withoutIsr).isEqualTo(expectedTopics());
    declared.forEach(
        t -> {
          assertThat(t.replicas()).as(t.name() + " replicas").isEqualTo(3);
          assertThat(t.config()).as(t.name()).containsEntry("min.insync.replicas", "2");
        });
    deploy.kubernetes("ConfigMap").stream()
        .filter(m -> m.path("data").has(CommonSettings.TOPIC_REPLICATION_FACTOR))
        .forEach(
            m ->
                assertThat(m.path("data").path(CommonSettings.TOPIC_REPLICATION_FACTOR).asText())
                    .isEqualTo("3"));
  }

  @Test
  void dockerfileRunsTheLauncherJarAsNonRootWithTrustedAvroPackages() {
    String dockerfile = deploy.text("Dockerfile");
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
    String entrypoint =
        dockerfile.lines().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElse("");

    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre\\s*$");
    assertThat(user.find()).as("a USER line").isTrue();
    assertThat(user.group(1)).doesNotMatch("(root|0)(:.*)?");
    assertThat(entrypoint)
        .contains(
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + SmartcarPipeline.AVRO_PACKAGES,
            "smartcar-pipeline.jar");
    for (JsonNode w : workloads()) {
      assertThat(
              w.path("spec")
                  .path("template")
                  .path("spec")
                  .path("securityContext")
                  .path("runAsUser")
                  .asText())
          .as("runAsUser of " + w.path("metadata").path("name").asText())
          .isEqualTo(user.group(1).split(":")[0]);
    }
  }

  // --- helpers

  private static List<Container> all() {
    List<Container> all = new java.util.ArrayList<>(deploy.composeContainers());
    all.addAll(deploy.kubernetesContainers());
    return all;
  }

  private static List<JsonNode> workloads() {
    List<JsonNode> w = new java.util.ArrayList<>(deploy.kubernetes("Deployment"));
    w.addAll(deploy.kubernetes("StatefulSet"));
    return w;
  }

  private static JsonNode selected(JsonNode selector) {
    for (JsonNode w : workloads()) {
      JsonNode template = w.path("spec").path("template");
      Map<String, String> labels = new HashMap<>();
      template
          .path("metadata")
          .path("labels")
          .properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      boolean all = true;
      for (var e : selector.properties()) {
        all &= e.getValue().asText().equals(labels.get(e.getKey()));
      }
      if (all && selector.size() > 0) {
        return template;
      }
    }
    return null;
  }

  private static int defaultPort(Container c) {
    var setting = KnownSettings.portsBySubcommand().get(c.subcommand());
    int port = Integer.parseInt(setting.getValue().get(setting.getKey()));
    String set = c.env().get(setting.getKey());
    assertThat(set == null ? port : Integer.parseInt(set))
        .as(c.where() + " " + setting.getKey())
        .isEqualTo(port);
    return port;
  }

  private static void assertProbe(Container c, String probe, String path, JsonNode port) {
    JsonNode get = c.spec().path(probe).path("httpGet");
    assertThat(get.path("path").asText()).as(c.where() + " " + probe).isEqualTo(path);
    assertThat(opsPaths).contains(path);
    assertThat(Set.of(port.path("name").asText(), port.path("containerPort").asText()))
        .as(c.where() + " " + probe + " port")
        .contains(get.path("port").asText());
  }

  private static void assertKeysKnown(JsonNode data, Set<String> known, JsonNode resource) {
    data.fieldNames()
        .forEachRemaining(
            k ->
                assertThat(known)
                    .as(
                        resource.path("kind").asText()
                            + " "
                            + resource.path("metadata").path("name").asText()
                            + " key "
                            + k)
                    .contains(k));
  }

  private static Set<String> references(java.util.Collection<String> values) {
    return matches(REFERENCE, values);
  }

  private static Set<String> matches(Pattern p, java.util.Collection<String> values) {
    Set<String> out = new java.util.TreeSet<>();
    values.stream()
        .filter(Objects::nonNull)
        .forEach(
            v -> {
              Matcher m = p.matcher(v);
              while (m.find()) {
                out.add(m.group(1));
              }
            });
    return out;
  }

  /** Registry topics and the dispatcher's ledger: partitions and configs, by name. */
  private static Map<String, Map.Entry<Integer, Map<String, String>>> expectedTopics() {
    Map<String, Map.Entry<Integer, Map<String, String>>> expected = new TreeMap<>();
    for (TopicSpec<?> t : Topics.all()) {
      expected.put(t.name(), Map.entry(t.partitions(), t.config()));
    }
    String ledger =
        KafkaLedgerStore.topicName(DispatcherConfig.DEFAULTS.get(DispatcherConfig.GROUP_ID));
    expected.put(ledger, Map.entry(Topics.COMMANDS.partitions(), ledgerConfig()));
    return expected;
  }

  /** Declarations by name, without the production-only min.insync.replicas. */
  private static Map<String, Map.Entry<Integer, Map<String, String>>> byName(
      List<TopicDeclaration> declared) {
    Map<String, Map.Entry<Integer, Map<String, String>>> out = new TreeMap<>();
    for (TopicDeclaration t : declared) {
      Map<String, String> config = new TreeMap<>(t.config());
      config.remove("min.insync.replicas");
      assertThat(out.put(t.name(), Map.entry(t.partitions(), Map.copyOf(config))))
          .as("declared twice: " + t.name())
          .isNull();
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> ledgerConfig() {
    try {
      var f = KafkaLedgerStore.class.getDeclaredField("TOPIC_CONFIG");
      f.setAccessible(true);
      return (Map<String, String>) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("KafkaLedgerStore.TOPIC_CONFIG moved: update this test", e);
    }
  }
}
