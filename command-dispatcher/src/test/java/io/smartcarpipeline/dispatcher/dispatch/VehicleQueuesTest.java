package io.smartcarpipeline.dispatcher.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VehicleQueuesTest {

  private final VehicleQueues queues = new VehicleQueues();
  private final List<String> started = new ArrayList<>();
  private final Map<String, Promise<String>> running = new HashMap<>();

  private Future<String> submit(String vehicle, String task) {
    return queues.submit(
        vehicle,
        () -> {
          started.add(task);
          Promise<String> p = Promise.promise();
          running.put(task, p);
          return p.future();
        });
  }

  @Test
  void shouldRunOneVehiclesCommandsOneAtATimeInOrder() {
    // given three commands for one vehicle
    submit("v1", "a");
    submit("v1", "b");
    submit("v1", "c");

    // then only the first runs
    assertThat(started).containsExactly("a");

    // when it ends (even by failing), the next one starts, and so on
    running.get("a").fail("boom");
    assertThat(started).containsExactly("a", "b");
    running.get("b").complete("ok");
    assertThat(started).containsExactly("a", "b", "c");
  }

  @Test
  void shouldRunDifferentVehiclesConcurrently() {
    submit("v1", "a1");
    submit("v2", "b1");
    submit("v3", "c1");
    submit("v1", "a2");

    assertThat(started).containsExactly("a1", "b1", "c1");
    assertThat(queues.activeVehicles()).isEqualTo(3);
  }

  @Test
  void shouldForgetAVehicleWhenItsLastCommandEnds() {
    Future<String> a = submit("v1", "a");
    running.get("a").complete("done");

    assertThat(a.result()).isEqualTo("done");
    assertThat(queues.activeVehicles()).isZero();
  }

  @Test
  void shouldKeepOrderForCommandsSubmittedAfterTheQueueDrained() {
    submit("v1", "a");
    running.get("a").complete("ok");
    submit("v1", "b");
    submit("v1", "c");

    assertThat(started).containsExactly("a", "b");
  }
}
