package io.smartcarpipeline.processors.domain.confirmation;

import io.smartcarpipeline.events.SignalValue;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What would show a command's effect: the signals to watch and how to judge a reading of them.
 *
 * @param description human-readable, e.g. {@code closure-islocked = true}
 * @param signals the signal codes that can carry evidence
 * @param judge reading code and value → verdict
 */
public record Expectation(
    String description, Set<String> signals, BiFunction<String, SignalValue, Verdict> judge) {

  /** The verdict of one reading; readings of other signals are {@link Verdict#SILENT}. */
  public Verdict judge(String code, SignalValue value) {
    if (!signals.contains(code) || value == null) {
      return Verdict.SILENT;
    }
    return judge.apply(code, value);
  }
}
