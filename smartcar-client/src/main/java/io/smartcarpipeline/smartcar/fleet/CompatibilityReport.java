package io.smartcarpipeline.smartcar.fleet;

import java.util.Map;

/**
 * What the Compatibility API says one make/model/year supports. A signal or command Smartcar named
 * maps to true or false, or to null when its answer could not be read (unknown); one it did not
 * name is absent (also unknown).
 *
 * @param region the answer's region, when given
 * @param signals signal code → supported
 * @param commands command type → supported
 */
public record CompatibilityReport(
    String region, Map<String, Boolean> signals, Map<String, Boolean> commands) {

  public CompatibilityReport {
    signals = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(signals));
    commands = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(commands));
  }

  /** Whether the answer named nothing at all (then the vehicle's support is unknown). */
  public boolean empty() {
    return signals.isEmpty() && commands.isEmpty();
  }
}
