package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.smartcarpipeline.launcher.DeployFiles.Container;
import io.smartcarpipeline.launcher.DeployFiles.TopicDeclaration;
import io.smartcarpipeline.localstack.junit.ContainerStack;
import io.smartcarpipeline.runtime.SmartcarPipelineRuntime;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.http.OpsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code deploy/} (compose file, Kubernetes manifests, topic definitions, Dockerfile) in step
 * with the code: setting names, ports, probe paths, topics and the Avro system property.
 */
class DeployManifestsTest {

  private static final Set<String> SERVICES =
      Set.of("gateway", "processors", "dispatcher", "fleet-sync");
  private static final Pattern K8S_REFERENCE = Pattern.compile("\\$\\((\\w+)\\)");
  private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{(\\w+)");
  private static final String SECRET_NAMES =
      "SMARTCAR_(MANAGEMENT_TOKEN.*|CLIENT_ID|CLIENT_SECRET)";

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
    assertThat(opsPaths).contains("/health/ready", "/health/live", "/metrics");
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
    // the image runs the runtime jar, whose words are the launcher's
    Set<String> subcommands = SmartcarPipelineRuntime.commandLine().getSubcommands().keySet();
    assertThat(subcommands).containsExactlyInAnyOrderElementsOf(SERVICES);
    assertThat(SmartcarPipeline.commandLine(Map.of()).getSubcommands())
        .containsKeys(subcommands.toArray(String[]::new));

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

    for (Container c : deploy.allContainers()) {
      // a variable only there to be referenced as $(NAME) by another one, like POD_NAME
      Set<String> helpers = DeployFiles.captures(K8S_REFERENCE, c.env().values());
      assertThat(c.env().keySet())
          .as(c.where() + " defines what it references")
          .containsAll(helpers);
      c.env().keySet().stream()
          .filter(name -> !helpers.contains(name))
          .forEach(name -> assertThat(known).as(c.where() + " sets " + name).contains(name));
    }
    for (String kind : List.of("ConfigMap", "Secret")) {
      for (JsonNode r : deploy.kubernetes(kind)) {
        Map<String, String> data =
            DeployFiles.fields(r.path(kind.equals("Secret") ? "stringData" : "data"));
        assertThat(known)
            .as(kind + " " + r.path("metadata").path("name").asText())
            .containsAll(data.keySet());
      }
    }
    assertThat(known).as(".env.example").containsAll(deploy.envExample().keySet());
  }

  @Test
  void secretsComeFromTheSecretOrTheEnvFileAndTheExamplesHoldOnlyPlaceholders() {
    List<Map<String, String>> examples = new ArrayList<>();
    examples.add(deploy.envExample());
    deploy
        .kubernetes("Secret")
        .forEach(s -> examples.add(DeployFiles.fields(s.path("stringData"))));
    Set<String> secretKeys = new TreeSet<>();
    deploy
        .kubernetes("Secret")
        .forEach(s -> s.path("stringData").fieldNames().forEachRemaining(secretKeys::add));

    for (Container c : deploy.kubernetesContainers()) {
      for (JsonNode ref : c.spec().path("env").findValues("secretKeyRef")) {
        assertThat(secretKeys).as(c.where() + " secretKeyRef").contains(ref.path("key").asText());
      }
    }
    Set<String> composeVariables = new TreeSet<>();
    deploy
        .composeContainers()
        .forEach(
            c -> composeVariables.addAll(DeployFiles.captures(COMPOSE_VARIABLE, c.env().values())));
    assertThat(deploy.envExample().keySet())
        .as("variables compose takes from .env")
        .containsAll(composeVariables);
    for (Map<String, String> example : examples) {
      assertThat(example.keySet())
          .as("secrets in an example")
          .anyMatch(k -> k.matches(SECRET_NAMES));
      example.entrySet().stream()
          .filter(e -> e.getKey().matches(SECRET_NAMES))
          .forEach(e -> assertThat(e.getValue()).as(e.getKey()).matches("(?i)(|replace.*)"));
    }
  }

  @Test
  void containerPortsAndProbesMatchTheServicesDefaultsAndOpsRoutes() {
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
      assertThat(c.spec().path("healthcheck").path("test").toString())
          .as(c.where() + " healthcheck")
          .contains("http://localhost:" + port + "/health/ready");
    }
  }

  @Test
  void prometheusScrapesEachPodOnItsMetricsRouteAndPodsStopGracefully() {
    for (JsonNode workload : deploy.workloads()) {
      String where = workload.path("metadata").path("name").asText();
      JsonNode template = workload.path("spec").path("template");
      Map<String, String> annotations =
          DeployFiles.fields(template.path("metadata").path("annotations"));
      JsonNode port = template.path("spec").path("containers").path(0).path("ports").path(0);

      assertThat(annotations)
          .as(where)
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", port.path("containerPort").asText());
      assertThat(opsPaths)
          .as(where + " metrics path")
          .contains(annotations.get("prometheus.io/path"));
      assertThat(template.path("spec").path("terminationGracePeriodSeconds").asInt())
          .as(where)
          .isGreaterThanOrEqualTo(30);
    }
  }

  @Test
  void everyServiceReachesAPortTheSelectedPodsExpose() {
    for (JsonNode service : deploy.kubernetes("Service")) {
      String name = service.path("metadata").path("name").asText();
      JsonNode pod = deploy.podTemplateSelectedBy(service.path("spec").path("selector"));
      assertThat(pod).as(name + " selects pods of ours").isNotNull();
      Set<String> exposed = new TreeSet<>();
      for (JsonNode p : pod.path("spec").path("containers").path(0).path("ports")) {
        exposed.add(p.path("name").asText());
        exposed.add(p.path("containerPort").asText());
      }
      for (JsonNode p : service.path("spec").path("ports")) {
        assertThat(exposed).as(name + " targetPort").contains(p.path("targetPort").asText());
      }
    }
  }

  @Test
  void streamProcessorsAdvertiseTheirStableNameOnTheHeadlessServiceAndKeepStateOnTheirVolume() {
    Container c = container("processors");
    JsonNode sts =
        deploy.kubernetes("StatefulSet").stream()
            .filter(s -> s.toString().contains("\"args\":[\"processors\"]"))
            .findFirst()
            .orElseThrow();
    String headless = sts.path("spec").path("serviceName").asText();
    String claim =
        sts.path("spec")
            .path("volumeClaimTemplates")
            .path(0)
            .path("metadata")
            .path("name")
            .asText();
    String stateDir = c.env().get("PROCESSORS_STATE_DIR");

    assertThat(c.env()).containsEntry("PROCESSORS_ADVERTISED_HOST", "$(POD_NAME)." + headless);
    assertThat(deploy.kubernetes("Service"))
        .filteredOn(s -> s.path("metadata").path("name").asText().equals(headless))
        .singleElement()
        .satisfies(s -> assertThat(s.path("spec").path("clusterIP").asText()).isEqualTo("None"));
    List<JsonNode> mounts = new ArrayList<>();
    c.spec().path("volumeMounts").forEach(mounts::add);
    assertThat(mounts)
        .as("the claim %s is mounted above %s", claim, stateDir)
        .anyMatch(
            m ->
                m.path("name").asText().equals(claim)
                    && stateDir.startsWith(m.path("mountPath").asText() + "/"));
  }

  @Test
  void topicScriptDeclaresExactlyTheRegistryTopicsWithTheirPartitionsAndConfigs() {
    String script = deploy.text("topics/create-topics.sh");

    assertThat(ExpectedTopics.declared(deploy.scriptTopics())).isEqualTo(ExpectedTopics.fromCode());
    assertThat(script)
        .contains(
            "--create --if-not-exists",
            "REPLICATION_FACTOR:-3}",
            "MIN_INSYNC_REPLICAS:-2}",
            ExpectedTopics.MIN_ISR + "=${MIN_INSYNC_REPLICAS}");
  }

  @Test
  void strimziTopicsDeclareExactlyTheRegistryTopicsWithProductionReplication() {
    List<TopicDeclaration> declared = deploy.strimziTopics();

    assertThat(ExpectedTopics.declared(declared)).isEqualTo(ExpectedTopics.fromCode());
    for (TopicDeclaration t : declared) {
      assertThat(t.replicas()).as(t.name() + " replicas").isEqualTo(3);
      assertThat(t.config()).as(t.name()).containsEntry(ExpectedTopics.MIN_ISR, "2");
    }
    assertThat(deploy.kubernetes("ConfigMap"))
        .as("the services' own topics and Streams' internal ones are replicated 3 times too")
        .anyMatch(
            m -> m.path("data").path(CommonSettings.TOPIC_REPLICATION_FACTOR).asText().equals("3"))
        .noneMatch(
            m ->
                m.path("data").has(CommonSettings.TOPIC_REPLICATION_FACTOR)
                    && !m.path("data")
                        .path(CommonSettings.TOPIC_REPLICATION_FACTOR)
                        .asText()
                        .equals("3"));
  }

  @Test
  void dockerfileRunsTheRuntimeJarAsNonRootWithTrustedAvroPackagesAndItsSbom() {
    String dockerfile = deploy.text("Dockerfile");
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
    String entrypoint =
        dockerfile.lines().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElse("");

    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre\\s*$");
    assertThat(user.find()).as("a USER line").isTrue();
    assertThat(user.group(1)).doesNotMatch("(root|0)(:.*)?");
    assertThat(entrypoint)
        .contains(
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES="
                + SmartcarPipelineRuntime.AVRO_PACKAGES
                + "\"",
            "\"/app/smartcar-pipeline-runtime.jar\"");
    assertThat(SmartcarPipelineRuntime.AVRO_PACKAGES).isEqualTo(SmartcarPipeline.AVRO_PACKAGES);
    // the jar and the SBOM the runtime module builds (runtime/pom.xml) are what the image holds
    assertThat(dockerfile)
        .containsPattern(
            "(?m)^COPY smartcar-pipeline-runtime\\.jar /app/smartcar-pipeline-runtime\\.jar$")
        .containsPattern("(?m)^COPY smartcar-pipeline-runtime\\.cdx\\.json (\\S+)$")
        .contains("io.smartcarpipeline.sbom=\"/app/sbom/smartcar-pipeline-runtime.cdx.json\"");
    for (JsonNode w : deploy.workloads()) {
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

  @Test
  void theTestsContainerBackendRunsTheImagesOfTheComposeFile() {
    JsonNode services = deploy.compose().path("services");

    assertThat(services.path("kafka").path("image").asText()).isEqualTo(ContainerStack.KAFKA_IMAGE);
    assertThat(services.path("schema-registry").path("image").asText())
        .isEqualTo(ContainerStack.SCHEMA_REGISTRY_IMAGE);
  }

  private static Container container(String subcommand) {
    return deploy.kubernetesContainers().stream()
        .filter(k -> k.subcommand().equals(subcommand))
        .findFirst()
        .orElseThrow();
  }

  /** The service's default port; fails if the container sets its port setting to another. */
  private static int defaultPort(Container c) {
    var setting = KnownSettings.portsBySubcommand().get(c.subcommand());
    assertThat(setting).as(c.where() + " runs a service").isNotNull();
    int port = Integer.parseInt(setting.getValue().get(setting.getKey()));
    String set = c.env().getOrDefault(setting.getKey(), String.valueOf(port));
    assertThat(set).as(c.where() + " " + setting.getKey()).isEqualTo(String.valueOf(port));
    return port;
  }

  private static void assertProbe(Container c, String probe, String path, JsonNode port) {
    JsonNode get = c.spec().path(probe).path("httpGet");
    assertThat(get.path("path").asText()).as(c.where() + " " + probe).isEqualTo(path);
    assertThat(Set.of(port.path("name").asText(), port.path("containerPort").asText()))
        .as(c.where() + " " + probe + " port")
        .contains(get.path("port").asText());
  }
}
