package io.smartcarpipeline.gateway.normalise;

import java.util.Optional;

/**
 * What counts as an id in a webhook body (an eventId, a vehicle id). Rule: an id is text of 1 to
 * {@value #MAX_LENGTH} characters once surrounding whitespace is stripped, with no control
 * character and no lone surrogate anywhere. Anything else is not an id: a body naming its vehicle
 * by {@code "\u0001\u0002"} is as unprocessable as one naming none, and such text must never become
 * a record key or reach a log line.
 */
public final class Ids {

  /** Smartcar's ids are 36-character UUIDs; this leaves room for other forms. */
  public static final int MAX_LENGTH = 256;

  private Ids() {}

  /** The id, stripped, when {@code raw} is a valid id; else empty. */
  public static Optional<String> clean(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String id = raw.strip();
    if (id.isEmpty() || id.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
        return Optional.empty();
      }
      i += Character.charCount(cp);
    }
    return Optional.of(id);
  }
}
