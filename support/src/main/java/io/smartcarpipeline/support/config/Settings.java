package io.smartcarpipeline.support.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A service's settings, loaded once: defaults, then an optional properties file (named by {@value
 * #CONFIG_FILE}), then environment variables. Keys are environment-variable names ({@code
 * KAFKA_BOOTSTRAP_SERVERS}); a properties file may also spell them {@code kafka.bootstrap.servers}.
 * Every typed getter fails with a {@link ConfigException} naming the key, so a bad value stops a
 * service at start. The environment comes in as a map: nothing here reads {@code System.getenv}.
 */
public final class Settings {

  /** Environment variable naming an optional properties file. */
  public static final String CONFIG_FILE = "SMARTCAR_PIPELINE_CONFIG";

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Settings from exactly these values (tests, embedded use). */
  public static Settings of(Map<String, String> values) {
    return new Settings(normalise(values));
  }

  /** Defaults, overridden by the file named in {@value #CONFIG_FILE}, overridden by {@code env}. */
  public static Settings load(Map<String, String> defaults, Map<String, String> env) {
    Map<String, String> merged = new LinkedHashMap<>(normalise(defaults));
    String file = env.get(CONFIG_FILE);
    if (file != null && !file.isBlank()) {
      merged.putAll(normalise(readFile(Path.of(file))));
    }
    merged.putAll(normalise(env));
    return new Settings(merged);
  }

  /** These settings with {@code overrides} on top. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    merged.putAll(normalise(overrides));
    return new Settings(merged);
  }

  /** The value, if set and not blank. */
  public Optional<String> find(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The value; fails naming the key when it is missing. */
  public String get(String key) {
    return find(key).orElseThrow(() -> new ConfigException(key, "is not set"));
  }

  /** A required secret or setting with a hint on where it comes from. */
  public String require(String key, String whatItIs) {
    return find(key)
        .orElseThrow(() -> new ConfigException(key, "is required but not set: " + whatItIs));
  }

  public int intValue(String key) {
    String v = get(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "expected a whole number, got '" + v + "'");
    }
  }

  public long longValue(String key) {
    String v = get(key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "expected a whole number, got '" + v + "'");
    }
  }

  public double doubleValue(String key) {
    String v = get(key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "expected a number, got '" + v + "'");
    }
  }

  /** A TCP port, 0 meaning "pick a free one". */
  public int port(String key) {
    int port = intValue(key);
    if (port < 0 || port > 65535) {
      throw new ConfigException(key, "expected a port from 0 to 65535, got " + port);
    }
    return port;
  }

  public boolean bool(String key) {
    String v = get(key).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(key, "expected true or false, got '" + v + "'");
    };
  }

  /**
   * A duration in the one grammar of {@link Durations} ({@code 500ms}, {@code 15s}, {@code PT1M}).
   */
  public Duration duration(String key) {
    try {
      return Durations.parse(get(key));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  /** A {@link #duration} that must be above zero. */
  public Duration positiveDuration(String key) {
    Duration d = duration(key);
    if (d.isNegative() || d.isZero()) {
      throw new ConfigException(key, "must be a positive duration, got " + d);
    }
    return d;
  }

  /** An {@link #intValue} that must be at least {@code min}. */
  public int intAtLeast(String key, int min) {
    int v = intValue(key);
    if (v < min) {
      throw new ConfigException(key, "must be at least " + min + ", got " + v);
    }
    return v;
  }

  /** Every setting whose key starts with {@code prefix}, with the prefix removed. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /** All settings; for diagnostics only (never log it whole: it holds secrets). */
  public Map<String, String> asMap() {
    return values;
  }

  private static Map<String, String> normalise(Map<String, String> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            out.put(toKey(k), v);
          }
        });
    return out;
  }

  private static String toKey(String k) {
    return k.contains(".") ? k.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT) : k;
  }

  private static Map<String, String> readFile(Path path) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException(CONFIG_FILE, "cannot read " + path + ": " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(n -> out.put(n, p.getProperty(n)));
    return out;
  }
}
