package io.smartcarpipeline.processors.domain.confirmation;

/**
 * A command awaiting the car's evidence (internal state, stored as JSON, no public contract). It
 * may be created by the command request first (only SET_CHARGE_LIMIT's, for its percent), then
 * completed by the result; {@code completedAt} null means the result has not been seen yet. The
 * newest contradicting reading is held here until the window ends.
 */
public final class PendingConfirmation {

  public String commandId;
  public String vehicleId;
  public String userId;
  public String type;
  public Integer percent;

  /** Wall-clock millis when the request was seen (request-only entries are pruned by it). */
  public Long requestSeenAt;

  /** The result's completedAt (epoch millis); null until the result is seen. */
  public Long completedAt;

  /** Wall-clock millis after which the command is decided with what was seen. */
  public Long deadline;

  public String heldSignal;
  public String heldValue;
  public Long heldOemUpdatedAt;
  public Long heldRetrievedAt;
  public String heldEventId;

  /** Whether the result has been seen. */
  public boolean hasResult() {
    return completedAt != null;
  }

  /** Whether a contradicting reading is held. */
  public boolean holdsContradiction() {
    return heldSignal != null;
  }

  /** The held contradiction as one value, to tell whether a reading changed it. */
  public String held() {
    return heldSignal + "|" + heldValue + "|" + heldOemUpdatedAt + "|" + heldRetrievedAt;
  }
}
