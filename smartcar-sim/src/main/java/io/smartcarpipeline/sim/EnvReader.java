package io.smartcarpipeline.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from an environment map for {@link SimConfig#fromEnv(Map)} (the simulator does
 * not depend on the {@code support} module). Rule: a present but malformed value fails with an
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

  /** {@code 500ms}, {@code 15s}, {@code 5m}, {@code 1h}, {@code 7d}, ISO-8601, or seconds. */
  public Duration duration(String key, Duration defaultValue) {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    String v = value.toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      long n = Long.parseLong(v.replaceAll("[smhd]$", ""));
      return switch (v.charAt(v.length() - 1)) {
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> Duration.ofSeconds(n);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw bad(key, value, "a duration like 500ms, 15s, 5m, 1h or PT1H");
    }
  }

  private static IllegalArgumentException bad(String key, String value, String expected) {
    return new IllegalArgumentException(key + " must be " + expected + ", was '" + value + "'");
  }
}
