package io.smartcarpipeline.sim.load;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Makes the requests of a load run, one per sequence number, and hears how each ended. Rule: it is
 * called on the generating event loop, so it must be cheap and never block; when a run uses several
 * loops it is called from each of them, so it must be thread-safe.
 */
public interface RequestSource {

  /** One request to send; {@code tag} travels back to {@link #completed}. */
  record Request(Buffer body, MultiMap headers, Object tag) {}

  /** The {@code seq}-th request of the run. */
  Request next(long seq);

  /**
   * Called when a request ended: its HTTP status (0 on a transport error) and when it ended ({@link
   * System#nanoTime()}).
   */
  default void completed(Request request, int status, long endNanos) {}
}
