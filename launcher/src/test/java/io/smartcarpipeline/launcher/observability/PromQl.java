package io.smartcarpipeline.launcher.observability;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it removes what cannot be a metric name
 * (Grafana's {@code label_values(metric, label)} becomes its metric; strings, label matchers, range
 * and subquery brackets, label lists of {@code by}/{@code without}/{@code on}/{@code
 * ignoring}/{@code group_left}/{@code group_right}, Grafana variables, numbers and durations), then
 * keeps every identifier that is neither a function call nor a keyword. Good enough for the
 * dashboards and rules of this repository; {@code PromQlTest} holds the cases.
 */
final class PromQl {

  private static final Pattern GRAFANA_LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");
  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LISTS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
  private static final Pattern NUMBER_OR_DURATION =
      Pattern.compile("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+|ms|s|m|h|d|w|y)*\\b");
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "inf",
          "nan",
          "Inf",
          "NaN",
          "start",
          "end",
          "atan2");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    Matcher labelValues = GRAFANA_LABEL_VALUES.matcher(expr);
    String query = labelValues.matches() ? labelValues.group(1) : expr;
    String rest = STRINGS.matcher(query).replaceAll(" ");
    rest = MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGES.matcher(rest).replaceAll(" ");
    rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
    rest = VARIABLES.matcher(rest).replaceAll(" ");
    rest = NUMBER_OR_DURATION.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(rest);
    while (m.find()) {
      boolean call = m.group(1) != null;
      String name = m.group().replaceAll("\\s*\\($", "");
      if (!call && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
