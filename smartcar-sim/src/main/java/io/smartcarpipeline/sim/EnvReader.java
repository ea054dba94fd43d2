package io.smartcarpipeline.sim;

import io.smartcarpipeline.support.config.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * Reads typed values from an environment map for {@link SimConfig#fromEnv(Map)} (durations in the
 * pipeline's one grammar, {@link Durations}). Rule: a present but malformed value fails with an
 * {@link IllegalArgumentException} naming the key; a missing or blank one takes the default.
 */
public final class EnvReader {

  private final Map<String, String> env;

  public EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public String string(String key, String defaultValue) {
    String value = env.get(key);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  /** {@code true}/{@code false} (any case); anything else stops the start naming the key. */
  public boolean booleanValue(String key, boolean defaultValue) {
    String raw = string(key, null);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    if (raw.trim().equalsIgnoreCase("true") || raw.trim().equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(raw.trim());
    }
    throw bad(key, raw, "true or false");
  }

  public int intValue(String key, int defaultValue) {
    String value = string(key, null);
    try {
      return value == null ? defaultValue : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw bad(key, value, "an integer");
    }
  }

  public long longValue(String key, long defaultValue) {
    String value = string(key, null);
    try {
      return value == null ? defaultValue : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw bad(key, value, "an integer");
    }
  }

  public double doubleValue(String key, double defaultValue) {
    String value = string(key, null);
    try {
      return value == null ? defaultValue : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw bad(key, value, "a number");
    }
  }

  public double share(String key) {
    double share = doubleValue(key, 0);
    if (!(share >= 0 && share <= 1)) {
      throw bad(key, String.valueOf(share), "a share within 0..1");
    }
    return share;
  }

  /** A duration in the pipeline's one grammar ({@link Durations}: {@code 500ms}, {@code PT1H}). */
  public Duration duration(String key, Duration defaultValue) {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw bad(key, value, Durations.GRAMMAR);
    }
  }

  private static IllegalArgumentException bad(String key, String value, String expected) {
    return new IllegalArgumentException(key + " must be " + expected + ", was '" + value + "'");
  }
}
