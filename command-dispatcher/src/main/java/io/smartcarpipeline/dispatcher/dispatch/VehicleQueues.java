package io.smartcarpipeline.dispatcher.dispatch;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One serial queue per vehicle, with no thread behind it: a vehicle's tasks are chained on the
 * previous task's future, so they run one at a time in submission (= topic) order, while tasks of
 * different vehicles run concurrently on non-blocking I/O. A queue disappears when its last task
 * ends. Use from one thread (the dispatcher's event loop).
 */
public final class VehicleQueues {

  private final Map<String, Future<?>> tails = new HashMap<>();

  /** Runs {@code task} after every task submitted earlier for the same vehicle has finished. */
  public <T> Future<T> submit(String vehicleId, Supplier<Future<T>> task) {
    Future<?> previous = tails.get(vehicleId);
    Future<T> result;
    if (previous == null) {
      result = start(task);
    } else {
      result = previous.transform(ignored -> start(task));
    }
    tails.put(vehicleId, result);
    result.onComplete(
        ignored -> {
          if (tails.get(vehicleId) == result) {
            tails.remove(vehicleId);
          }
        });
    return result;
  }

  /** Vehicles with a task queued or running. */
  public int activeVehicles() {
    return tails.size();
  }

  private static <T> Future<T> start(Supplier<Future<T>> task) {
    try {
      return task.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
