package io.smartcarpipeline.localstack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels, decided with Avro's {@link SchemaCompatibility}: BACKWARD means
 * the new schema can read data written with the earlier one, FORWARD the reverse, FULL both; the
 * transitive levels check against every earlier version instead of only the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The level named by {@code name}, in any case; empty for anything else. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (CompatibilityLevel level : values()) {
      if (level.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@code candidate} may not follow the earlier versions of a subject; empty when it may.
   *
   * @param candidate the schema being registered or tested
   * @param earlierOldestFirst the subject's versions, oldest first
   */
  public List<String> incompatibilities(Schema candidate, List<Schema> earlierOldestFirst) {
    if (this == NONE || earlierOldestFirst.isEmpty()) {
      return List.of();
    }
    List<Schema> against =
        transitive
            ? earlierOldestFirst
            : List.of(earlierOldestFirst.get(earlierOldestFirst.size() - 1));
    List<String> problems = new ArrayList<>();
    for (Schema earlier : against) {
      problems.addAll(incompatibilitiesWith(candidate, earlier));
    }
    return problems;
  }

  /** Why {@code candidate} and one given earlier version break this level; empty when not. */
  public List<String> incompatibilitiesWith(Schema candidate, Schema earlier) {
    List<String> problems = new ArrayList<>();
    if (backward) {
      problems.addAll(problems("BACKWARD", candidate, earlier));
    }
    if (forward) {
      problems.addAll(problems("FORWARD", earlier, candidate));
    }
    return problems;
  }

  private static List<String> problems(String direction, Schema reader, Schema writer) {
    List<String> problems = new ArrayList<>();
    for (Incompatibility incompatibility :
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities()) {
      problems.add(
          "{direction:'"
              + direction
              + "', errorType:'"
              + incompatibility.getType()
              + "', description:'"
              + incompatibility.getMessage()
              + "', location:'"
              + incompatibility.getLocation()
              + "'}");
    }
    return problems;
  }
}
