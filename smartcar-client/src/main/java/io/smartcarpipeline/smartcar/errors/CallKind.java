package io.smartcarpipeline.smartcar.errors;

import java.util.Objects;
import java.util.Set;

/**
 * What the classifier needs to know about the call it judges, beyond the answer: its name (for
 * reasons), whether its outcome is read from a command-execution body, whether repeating it after
 * an unknown outcome is harmless, and which {@code VEHICLE_STATE} codes mean the call's goal is
 * already reached (for example {@code CHARGING_IN_PROGRESS} for "start charging"). The caller owns
 * this knowledge: the dispatcher maps each command to one, a read is {@link #read(String)}.
 *
 * @param name short name of the call, as it appears in reasons (e.g. {@code UNLOCK})
 * @param judgedByBody true for commands: success is only {@code data.attributes.status.value =
 *     SUCCESS}, a 2xx without it is an unknown outcome; false for reads and management calls, where
 *     a 2xx is success
 * @param safeToRepeat whether sending it again when the outcome is unknown is harmless
 * @param reachedStates VEHICLE_STATE codes that mean the goal already holds (ALREADY_DONE)
 * @param doneStatuses HTTP statuses that mean the goal already holds (ALREADY_DONE), whatever the
 *     body says: 409 for a subscribe (already subscribed), 404 for an unsubscribe (not subscribed)
 */
public record CallKind(
    String name,
    boolean judgedByBody,
    boolean safeToRepeat,
    Set<String> reachedStates,
    Set<Integer> doneStatuses) {

  public CallKind {
    Objects.requireNonNull(name, "name");
    reachedStates = Set.copyOf(reachedStates);
    doneStatuses = Set.copyOf(doneStatuses);
  }

  public CallKind(
      String name, boolean judgedByBody, boolean safeToRepeat, Set<String> reachedStates) {
    this(name, judgedByBody, safeToRepeat, reachedStates, Set.of());
  }

  /**
   * A read (GET) or a management call: a 2xx is success, repeating it is harmless, and no vehicle
   * state means "already done".
   */
  public static CallKind read(String name) {
    return new CallKind(name, false, true, Set.of());
  }

  /**
   * A management call that changes something and is harmless to repeat (subscribe, unsubscribe): a
   * 2xx is success, and the given statuses mean the goal already holds.
   */
  public static CallKind management(String name, Integer... doneStatuses) {
    return new CallKind(name, false, true, Set.of(), Set.of(doneStatuses));
  }

  /** A command, with the VEHICLE_STATE codes meaning its goal is already reached. */
  public static CallKind command(String name, boolean safeToRepeat, String... reachedStates) {
    return new CallKind(name, true, safeToRepeat, Set.of(reachedStates));
  }

  /** Whether the HTTP {@code status} means the goal of this call already holds. */
  public boolean doneBy(int status) {
    return doneStatuses.contains(status);
  }

  /** Whether the VEHICLE_STATE {@code code} means the goal of this call already holds. */
  public boolean reached(String code) {
    return reachedStates.contains(code);
  }

  @Override
  public String toString() {
    return name;
  }
}
