package io.smartcarpipeline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of one {@code bench} run, in order: printed as a table as they come, and appended to
 * a Markdown file as one section with the machine, the command and every figure. Rule: a figure is
 * a number with its unit; ratios and targets go in the note, never in place of the number.
 */
public final class Report {

  /** One figure. */
  public record Row(String benchmark, String metric, double value, String unit, String note) {}

  private final List<Row> rows = new ArrayList<>();
  private final PrintStream out;

  public Report(PrintStream out) {
    this.out = out;
  }

  /** Adds and prints one figure. */
  public synchronized void add(
      String benchmark, String metric, double value, String unit, String note) {
    Row row = new Row(benchmark, metric, value, unit, note == null ? "" : note);
    rows.add(row);
    out.printf(
        Locale.ROOT,
        "%-11s %-58s %14s %-9s %s%n",
        benchmark,
        metric,
        format(value),
        unit,
        row.note());
    out.flush();
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The first figure of {@code benchmark} whose metric starts with {@code prefix}. */
  public synchronized Optional<Row> find(String benchmark, String prefix) {
    return rows.stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.metric().startsWith(prefix))
        .findFirst();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** Appends this run as one Markdown section to {@code file}. */
  public synchronized void appendMarkdown(
      Path file, String command, Machine machine, String loadAtStart) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("\n## Run of ").append(machine.date()).append("\n\n");
    md.append("- machine: ").append(machine.describe()).append('\n');
    md.append("- load average (1/5/15 min) at start: ")
        .append(loadAtStart)
        .append(", at end: ")
        .append(machine.loadAverage())
        .append('\n');
    md.append("- command: `").append(command).append("`\n\n");
    md.append("| benchmark | metric | value | unit | note |\n|---|---|---:|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(r.benchmark())
          .append(" | ")
          .append(r.metric())
          .append(" | ")
          .append(format(r.value()))
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(r.note().replace("|", "/"))
          .append(" |\n");
    }
    Path parent = file.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        md.toString(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
