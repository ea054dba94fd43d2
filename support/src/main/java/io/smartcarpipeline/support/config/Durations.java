package io.smartcarpipeline.support.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written, in settings, environment variables and command-line options
 * alike: a whole number and a unit ({@code 500ms}, {@code 15s}, {@code 5m}, {@code 2h}, {@code
 * 7d}), or ISO-8601 ({@code PT15S}). A bare number is refused: its unit would be a guess.
 */
public final class Durations {

  /** What the grammar accepts, for error messages. */
  public static final String GRAMMAR = "a duration such as 500ms, 15s, 5m, 2h, 7d or PT15S";

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public static Duration parse(String text) {
    String v = text == null ? "" : text.trim();
    Matcher m = SHORT.matcher(v.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(v.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected " + GRAMMAR + ", got '" + text + "'", e);
    }
  }
}
