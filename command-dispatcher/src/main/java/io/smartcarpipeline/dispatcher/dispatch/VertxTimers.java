package io.smartcarpipeline.dispatcher.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Timers} on Vert.x timers: no thread waits. {@link #releaseAll()} completes every pending
 * wait at once, so that at shutdown commands sitting in a backoff or budget wait wake up, see that
 * the dispatcher is closing, and give up their slot without calling Smartcar.
 */
public final class VertxTimers implements Timers {

  private final Vertx vertx;
  private final Map<Long, Promise<Void>> pending = new ConcurrentHashMap<>();
  private volatile boolean released;

  public VertxTimers(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Void> after(Duration delay) {
    if (released || delay.isZero() || delay.isNegative()) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    long id =
        vertx.setTimer(
            Math.max(1, delay.toMillis()),
            timerId -> {
              pending.remove(timerId);
              promise.tryComplete();
            });
    pending.put(id, promise);
    return promise.future();
  }

  /** Wakes every pending wait now, and every later one immediately. */
  public void releaseAll() {
    released = true;
    pending.forEach(
        (id, promise) -> {
          vertx.cancelTimer(id);
          promise.tryComplete();
        });
    pending.clear();
  }
}
