package io.smartcarpipeline.dispatcher.dispatch;

import io.vertx.core.Future;
import java.time.Duration;

/** Non-blocking waits: a future that completes after a delay (or early, when shutting down). */
@FunctionalInterface
public interface Timers {

  Future<Void> after(Duration delay);
}
