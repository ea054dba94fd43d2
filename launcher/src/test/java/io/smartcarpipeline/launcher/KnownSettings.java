package io.smartcarpipeline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.dispatcher.config.DispatcherConfig;
import io.smartcarpipeline.fleetsync.config.FleetSyncConfig;
import io.smartcarpipeline.fleetsync.gapfill.GapFillConfig;
import io.smartcarpipeline.gateway.config.GatewayConfig;
import io.smartcarpipeline.processors.config.ProcessorsConfig;
import io.smartcarpipeline.runtime.SmartcarPipelineRuntime;
import io.smartcarpipeline.support.config.CommonSettings;
import io.smartcarpipeline.support.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables the services actually read, collected from their config classes: the
 * public setting-name constants ({@code GatewayConfig.PORT = "GATEWAY_PORT"}, …) and the keys of
 * their defaults (the dispatcher's retry and budget keys exist only there).
 */
final class KnownSettings {

  /** Read by the JVM itself, not by our code: the Dockerfile's memory options. */
  static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";

  /** Read by the launcher's logback.xml and the runtime's logging configuration. */
  static final String LOG_LEVEL = "SMARTCAR_PIPELINE_LOG_LEVEL";

  private static final List<Class<?>> CONFIG_CLASSES =
      List.of(
          CommonSettings.class,
          Settings.class,
          GatewayConfig.class,
          ProcessorsConfig.class,
          DispatcherConfig.class,
          FleetSyncConfig.class,
          GapFillConfig.class);

  private KnownSettings() {}

  static Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (Class<?> c : CONFIG_CLASSES) {
      names.addAll(constants(c));
    }
    names.addAll(CommonSettings.DEFAULTS.keySet());
    names.addAll(GatewayConfig.DEFAULTS.keySet());
    names.addAll(ProcessorsConfig.defaults().keySet());
    names.addAll(DispatcherConfig.DEFAULTS.keySet());
    names.addAll(FleetSyncConfig.DEFAULTS.keySet());
    names.addAll(GapFillConfig.DEFAULTS.keySet());
    assertThat(resource("/logback.xml")).contains("${" + LOG_LEVEL);
    assertThat(resource("/" + SmartcarPipelineRuntime.LOGBACK_CONFIG)).contains("${" + LOG_LEVEL);
    names.add(LOG_LEVEL);
    names.add(JVM_OPTIONS);
    return names;
  }

  /** Port setting and defaults of each service, by launcher subcommand. */
  static Map<String, Map.Entry<String, Map<String, String>>> portsBySubcommand() {
    return Map.of(
        "gateway", Map.entry(GatewayConfig.PORT, GatewayConfig.DEFAULTS),
        "processors", Map.entry(ProcessorsConfig.PORT, ProcessorsConfig.defaults()),
        "dispatcher", Map.entry(DispatcherConfig.PORT, DispatcherConfig.DEFAULTS),
        "fleet-sync", Map.entry(FleetSyncConfig.PORT, FleetSyncConfig.DEFAULTS));
  }

  private static Set<String> constants(Class<?> c) {
    Set<String> names = new TreeSet<>();
    for (Field f : c.getFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
        try {
          String value = (String) f.get(null);
          if (value.matches("[A-Z][A-Z0-9_]+")) {
            names.add(value);
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(names).as("setting names declared by " + c.getSimpleName()).isNotEmpty();
    return names;
  }

  private static String resource(String name) {
    try (InputStream in = SmartcarPipeline.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
