package io.smartcarpipeline.fleetsync.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Who may spend fleet-sync's budget share, and where: connection syncs, subscription reconciles and
 * compatibility questions ({@link #first}) go before gap-filling reads ({@link #tryStartRead}), and
 * every Smartcar call runs on the one service context (the budget gates are not thread-safe).
 *
 * <p>Rule: a read may start only while no priority work runs, fewer than {@code maxReads} reads are
 * in flight, and the share holds more than {@code reserve} tokens. So a backfill of the whole fleet
 * drains the share down to the reserve and no further, and a sync that starts after it finds the
 * reserve (its first {@code reserve} calls go out at once) and, while it runs, no read competing
 * for the refill. Reads that were already in flight finish (at most {@code maxReads}).
 */
public final class CallPriority {

  /** The part of the share reads leave to syncs: a quarter of the bucket, at least 2 tokens. */
  public static int reserveFor(int bucketCapacity) {
    return Math.max(2, bucketCapacity / 4);
  }

  private final Context context;
  private final DoubleSupplier available;
  private final int reserve;
  private final int maxReads;
  private volatile Thread loop;
  // changed on the loop only; atomic so that a look from another thread (tests) sees the last value
  private final AtomicInteger priorityRunning = new AtomicInteger();
  private final AtomicInteger readsInFlight = new AtomicInteger();

  /**
   * @param context the service context every Smartcar call runs on
   * @param available the share's tokens now (read on {@code context})
   * @param reserve tokens reads leave for priority work
   * @param maxReads reads in flight at most
   */
  public CallPriority(Context context, DoubleSupplier available, int reserve, int maxReads) {
    this.context = context;
    this.available = available;
    this.reserve = reserve;
    this.maxReads = maxReads;
    context.runOnContext(v -> loop = Thread.currentThread()); // an event-loop context: one thread
  }

  /**
   * Runs priority work on the service context (hopping there when called from another thread, e.g.
   * an HTTP server's event loop); no read starts until its future completes.
   */
  public <T> Future<T> first(Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    if (onContext()) {
      start(work, done);
    } else {
      context.runOnContext(v -> start(work, done));
    }
    return done.future();
  }

  private <T> void start(Supplier<Future<T>> work, Promise<T> done) {
    priorityRunning.incrementAndGet();
    Future<T> f;
    try {
      f = work.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(
        ar -> {
          priorityRunning.decrementAndGet();
          done.handle(ar);
        });
  }

  /**
   * Whether one read may start now; when true it is counted in flight until {@link #readDone}. Only
   * on the service context: elsewhere the answer is no.
   */
  public boolean tryStartRead() {
    if (!onContext() || priorityRunning.get() > 0 || readsInFlight.get() >= maxReads) {
      return false;
    }
    if (available.getAsDouble() < reserve + 1) {
      return false;
    }
    readsInFlight.incrementAndGet();
    return true;
  }

  /** A read that {@link #tryStartRead} admitted has ended. */
  public void readDone() {
    readsInFlight.updateAndGet(n -> Math.max(0, n - 1));
  }

  /** Whether priority work runs now (for tests and logs). */
  public boolean priorityRunning() {
    return priorityRunning.get() > 0;
  }

  public int reserve() {
    return reserve;
  }

  private boolean onContext() {
    return Thread.currentThread() == loop;
  }
}
