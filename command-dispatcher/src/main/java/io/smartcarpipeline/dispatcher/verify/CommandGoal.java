package io.smartcarpipeline.dispatcher.verify;

import io.smartcarpipeline.events.CommandParameters;
import io.smartcarpipeline.events.CommandRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the car's signals show a command's goal: LOCK/UNLOCK → {@code closure-islocked},
 * START/STOP_CHARGING → {@code charge-ischarging}, SET_CHARGE_LIMIT → {@code charge-chargelimits}
 * (active limit, else the GLOBAL limit). SET_DESTINATION has no signal and is never judged.
 *
 * <p>Rule: a reading counts only when the car reported it at or after {@code since} (the start of
 * the ambiguous call). An older reading says nothing about what the call did, so it gives {@link
 * Kind#UNKNOWN}, like a missing signal or a failed read. Plain Java.
 */
public final class CommandGoal {

  /** What the signals say. */
  public enum Kind {
    /** The car is in the wanted state. */
    REACHED,
    /** The car reported after the call and is not in the wanted state. */
    NOT_REACHED,
    /** The signals cannot tell. */
    UNKNOWN
  }

  /**
   * The judgement and its evidence.
   *
   * @param kind what the signals say
   * @param signal the signal looked at (null for commands without one)
   * @param evidence readable: the value and when the car reported it, or why there is none
   */
  public record Judgement(Kind kind, String signal, String evidence) {}

  private CommandGoal() {}

  /** The signal that shows the effect of {@code request}, or null. */
  public static String signalOf(CommandRequest request) {
    return switch (request.getType()) {
      case LOCK, UNLOCK -> "closure-islocked";
      case START_CHARGING, STOP_CHARGING -> "charge-ischarging";
      case SET_CHARGE_LIMIT -> "charge-chargelimits";
      case SET_DESTINATION -> null;
    };
  }

  /** Judges {@code reading} for {@code request}; only readings reported at or after since count. */
  public static Judgement judge(CommandRequest request, StateReading reading, Instant since) {
    String code = signalOf(request);
    if (code == null) {
      return new Judgement(Kind.UNKNOWN, null, "no signal shows a destination");
    }
    if (reading.unavailable() != null) {
      return new Judgement(Kind.UNKNOWN, code, reading.unavailable());
    }
    SignalReading s = reading.signals().get(code);
    Object wanted = wanted(request);
    Object actual = s == null ? null : actual(request, s.body());
    if (s == null || actual == null || wanted == null) {
      return new Judgement(Kind.UNKNOWN, code, "the car did not report " + code);
    }
    String seen = code + "=" + actual + " reported at " + s.oemUpdatedAt();
    if (s.oemUpdatedAt() == null || s.oemUpdatedAt().isBefore(since)) {
      return new Judgement(
          Kind.UNKNOWN,
          code,
          "the car has not reported "
              + code
              + " since the call at "
              + since
              + " (last: "
              + seen
              + ")");
    }
    boolean reached = Objects.equals(normalise(wanted), normalise(actual));
    return new Judgement(reached ? Kind.REACHED : Kind.NOT_REACHED, code, seen);
  }

  private static Object wanted(CommandRequest r) {
    return switch (r.getType()) {
      case LOCK, START_CHARGING -> Boolean.TRUE;
      case UNLOCK, STOP_CHARGING -> Boolean.FALSE;
      case SET_CHARGE_LIMIT -> {
        CommandParameters p = r.getParameters();
        yield p == null ? null : p.getPercent();
      }
      case SET_DESTINATION -> null;
    };
  }

  private static Object actual(CommandRequest r, Map<String, Object> body) {
    if (r.getType() != io.smartcarpipeline.events.CommandType.SET_CHARGE_LIMIT) {
      Object v = body.get("value");
      return v instanceof Boolean ? v : null;
    }
    Object active = body.get("activeLimit");
    if (active instanceof Number) {
      return active;
    }
    if (body.get("values") instanceof Iterable<?> values) {
      for (Object o : values) {
        if (o instanceof Map<?, ?> m
            && "GLOBAL".equals(m.get("type"))
            && m.get("limit") instanceof Number n) {
          return n;
        }
      }
    }
    return null;
  }

  private static Object normalise(Object o) {
    return o instanceof Number n ? (Object) Math.round(n.doubleValue()) : o;
  }
}
