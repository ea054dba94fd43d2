package io.smartcarpipeline.smartcar.http;

/**
 * A call that produced no HTTP response. {@link Kind#CONNECT_FAILED} means the request never left
 * this process; every other kind means Smartcar may have received and executed it.
 *
 * @param kind what went wrong
 * @param message the underlying error, for the result's message
 */
public record TransportFailure(Kind kind, String message) implements ApiOutcome {

  /** The classes of transport failure the classifier tells apart. */
  public enum Kind {
    /** No connection could be made: the request was certainly not sent. */
    CONNECT_FAILED,
    /** No (complete) answer within the read timeout: the command may have run. */
    TIMEOUT,
    /** The connection dropped after the request was written: the command may have run. */
    CONNECTION_CLOSED,
    /** Anything else; treated like a dropped connection. */
    OTHER
  }

  /** Whether Smartcar may have received the request. */
  public boolean maybeSent() {
    return kind != Kind.CONNECT_FAILED;
  }

  @Override
  public String requestId() {
    return null;
  }
}
