package io.smartcarpipeline.support.service;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every service starts and stops. A service starts its parts in dependency order and hands each
 * to {@link #own}; if any step fails, {@link #start} stops what already started, newest first, so a
 * failed start leaves no thread, client or port behind. {@link #close} stops in the same reverse
 * order. Readiness is true only after the whole start returned ({@link #ready}).
 */
public final class Lifecycle implements AutoCloseable {

  /** A part to stop; unlike {@link AutoCloseable} it may not throw checked exceptions. */
  @FunctionalInterface
  public interface Stop {
    void stop() throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final String service;
  private final Deque<Named> parts = new ArrayDeque<>();
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private record Named(String name, Stop stop) {}

  private Lifecycle(String service) {
    this.service = service;
  }

  /** What {@link #start} runs: builds the service from its parts. */
  @FunctionalInterface
  public interface Starter<T> {
    T start(Lifecycle lifecycle);
  }

  /**
   * Starts a service. On success the lifecycle is ready; on failure everything {@code starter}
   * owned so far is stopped in reverse order and the failure is rethrown.
   */
  public static <T> T start(String service, Starter<T> starter) {
    AvroPackages.trust();
    Lifecycle lifecycle = new Lifecycle(service);
    try {
      T started = starter.start(lifecycle);
      lifecycle.ready.set(true);
      return started;
    } catch (Throwable e) { // Vert.x rethrows checked causes (a BindException) unchecked
      LOG.warn("service_start_failed service={} error={}", service, e.toString());
      lifecycle.close();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(service + " could not start: " + e.getMessage(), e);
    }
  }

  /** Takes ownership of {@code part}: it is closed when the service stops or its start fails. */
  public <T extends AutoCloseable> T own(String name, T part) {
    parts.push(new Named(name, part::close));
    return part;
  }

  /** Runs {@code stop} when the service stops or its start fails, before anything owned earlier. */
  public void onStop(String name, Stop stop) {
    parts.push(new Named(name, stop));
  }

  /** Whether the service started completely and has not begun to stop. */
  public boolean ready() {
    return ready.get() && !closed.get();
  }

  /** The service's name, for log lines. */
  public String service() {
    return service;
  }

  /** Stops every part, newest first; a part that fails to stop is logged and the rest go on. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    while (!parts.isEmpty()) {
      Named part = parts.pop();
      try {
        part.stop().stop();
      } catch (Exception e) {
        LOG.warn(
            "service_stop_failed service={} part={} error={}", service, part.name(), e.toString());
      }
    }
  }

  /**
   * Waits for a Vert.x future from a thread that is not an event loop (start and stop), with Vert.x
   * 5's own {@link Future#await(long, TimeUnit)}; a failure or a timeout becomes an {@link
   * IllegalStateException} that says what was being waited for.
   */
  public static <T> T await(Future<T> future, Duration timeout, String what) {
    try {
      return future.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + ": timed out after " + timeout, e);
    } catch (Exception e) { // Future.await rethrows a failure's cause as it is, checked or not
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    }
  }
}
