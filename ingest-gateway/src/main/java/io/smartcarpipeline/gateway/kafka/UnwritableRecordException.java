package io.smartcarpipeline.gateway.kafka;

/**
 * A record Kafka will never take, however often it is sent: its value cannot be serialised (an Avro
 * conversion failed) or it is larger than the broker accepts. Rule: this is the record's fault, not
 * Kafka's, so it is never answered as an outage (503); the caller keeps the input as a dead letter
 * instead.
 */
public final class UnwritableRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnwritableRecordException(Throwable cause) {
    super(cause.toString(), cause);
  }
}
