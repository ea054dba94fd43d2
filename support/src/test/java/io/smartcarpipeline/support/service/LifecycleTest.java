package io.smartcarpipeline.support.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void aFailedStartStopsWhatAlreadyStartedNewestFirstAndRethrows() {
    List<String> stopped = new ArrayList<>();

    assertThatThrownBy(
            () ->
                Lifecycle.start(
                    "svc",
                    l -> {
                      l.onStop("vertx", () -> stopped.add("vertx"));
                      l.own("admin", () -> stopped.add("admin"));
                      l.onStop("http", () -> stopped.add("http"));
                      throw new IllegalStateException("port 8083 in use");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("port 8083 in use");

    assertThat(stopped).containsExactly("http", "admin", "vertx");
  }

  @Test
  void aCheckedExceptionThrownUncheckedAlsoRollsBack() {
    List<String> stopped = new ArrayList<>();

    assertThatThrownBy(
            () ->
                Lifecycle.start(
                    "svc",
                    l -> {
                      l.onStop("vertx", () -> stopped.add("vertx"));
                      // as Vert.x's Future.await does with a BindException
                      return LifecycleTest.<RuntimeException>sneaky(
                          new java.net.BindException("Address already in use"));
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Address already in use");

    assertThat(stopped).containsExactly("vertx");
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> Object sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void closeStopsInReverseOrderOnceAndGoesOnPastAFailingPart() {
    List<String> stopped = new ArrayList<>();
    Lifecycle lifecycle =
        Lifecycle.start(
            "svc",
            l -> {
              l.onStop("first", () -> stopped.add("first"));
              l.onStop(
                  "broken",
                  () -> {
                    throw new IllegalStateException("cannot stop");
                  });
              l.onStop("last", () -> stopped.add("last"));
              return l;
            });

    lifecycle.close();
    lifecycle.close();

    assertThat(stopped).containsExactly("last", "first");
  }

  @Test
  void readyOnlyAfterTheWholeStartAndNotAfterClose() {
    AtomicReference<Boolean> readyDuringStart = new AtomicReference<>();
    Lifecycle lifecycle =
        Lifecycle.start(
            "svc",
            l -> {
              readyDuringStart.set(l.ready());
              return l;
            });

    assertThat(readyDuringStart.get()).isFalse();
    assertThat(lifecycle.ready()).isTrue();
    lifecycle.close();
    assertThat(lifecycle.ready()).isFalse();
  }

  @Test
  void startTrustsTheAvroEventPackage() {
    String before = System.getProperty(AvroPackages.PROPERTY);
    System.clearProperty(AvroPackages.PROPERTY);
    try {
      Lifecycle.start("svc", l -> l).close();
      assertThat(System.getProperty(AvroPackages.PROPERTY)).isEqualTo(AvroPackages.EVENTS);
    } finally {
      if (before != null) {
        System.setProperty(AvroPackages.PROPERTY, before);
      }
    }
  }

  @Test
  void awaitSaysWhatItWaitedForOnTimeoutAndOnFailure() {
    assertThatThrownBy(
            () ->
                Lifecycle.await(
                    Promise.<Void>promise().future(), Duration.ofMillis(50), "listen on 8080"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listen on 8080")
        .hasMessageContaining("timed out");
    Promise<Void> failed = Promise.promise();
    failed.fail(new java.net.BindException("Address already in use"));
    assertThatThrownBy(() -> Lifecycle.await(failed.future(), Duration.ofSeconds(1), "listen"))
        .hasMessageContaining("Address already in use");
  }
}
