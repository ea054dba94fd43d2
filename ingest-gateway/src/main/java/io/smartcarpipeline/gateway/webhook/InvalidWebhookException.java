package io.smartcarpipeline.gateway.webhook;

/**
 * A delivery we cannot accept because of its content (not JSON, not an object, no eventType, no
 * vehicle id, …). Carries a stable error code for the JSON error answer; never carries the body.
 */
public final class InvalidWebhookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public InvalidWebhookException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** Stable machine-readable code, e.g. {@code MISSING_EVENT_TYPE}. */
  public String code() {
    return code;
  }
}
