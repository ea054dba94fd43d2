package io.smartcarpipeline.fleetsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.smartcar.budget.TokenBucket;
import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Syncs before reads, on one context: a backfill that drains the share leaves the reserve, so a
 * sync needing up to {@code reserve} calls sends them all at once (waits 0 s) right after it; no
 * read starts while a sync runs; priority work asked for from other threads runs on the service
 * context, so the non-thread-safe token bucket is never used concurrently.
 */
class CallPriorityTest {

  private static final int CAPACITY = 12;
  private static final double REFILL_PER_MINUTE = 1.0;

  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final MutableClock clock = MutableClock.at("2026-03-02T06:00:00Z");
  private final TokenBucket bucket = new TokenBucket(clock, CAPACITY, REFILL_PER_MINUTE);
  private final CallPriority priority =
      new CallPriority(context, bucket::available, CallPriority.reserveFor(CAPACITY), 4);

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSyncAfterABackfillFindsTheReserveAndWaitsForNothing() throws Exception {
    assertThat(priority.reserve()).isEqualTo(3);
    // a backfill of a big fleet: reads start whenever admitted, each spends a token at once
    int reads =
        on(
            () -> {
              int n = 0;
              while (priority.tryStartRead()) {
                assertThat(bucket.tryAcquire()).isZero();
                priority.readDone();
                n++;
              }
              return n;
            });
    assertThat(reads).isEqualTo(CAPACITY - 3);
    // an hour later the refill went to reads too (one per admitted token), down to the reserve
    for (int minute = 0; minute < 60; minute++) {
      clock.advance(Duration.ofMinutes(1));
      on(
          () -> {
            while (priority.tryStartRead()) {
              bucket.tryAcquire();
              priority.readDone();
            }
            return null;
          });
    }
    assertThat(on(bucket::available)).isBetween(3.0, 4.0);

    // the sync: listing + subscriptions + one subscribe = 3 calls, all admitted with no wait
    List<Duration> waits = new ArrayList<>();
    Future<String> sync =
        on(
            () ->
                priority.first(
                    () -> {
                      for (int call = 0; call < 3; call++) {
                        waits.add(bucket.tryAcquire());
                      }
                      return Future.succeededFuture("synced");
                    }));
    assertThat(sync.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isEqualTo("synced");
    assertThat(waits).containsOnly(Duration.ZERO);
  }

  @Test
  void noReadStartsWhileASyncRunsNorBeyondTheReadsInFlight() throws Exception {
    Promise<Void> listing = Promise.promise();
    Future<Void> sync = on(() -> priority.first(listing::future));
    assertThat(on(priority::priorityRunning)).isTrue();
    assertThat(on(priority::tryStartRead)).as("full bucket, but a sync runs").isFalse();
    on(
        () -> {
          listing.complete();
          return null;
        });
    sync.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(on(priority::priorityRunning)).isFalse();
    assertThat(
            on(
                () ->
                    List.of(
                        priority.tryStartRead(),
                        priority.tryStartRead(),
                        priority.tryStartRead(),
                        priority.tryStartRead(),
                        priority.tryStartRead())))
        .containsExactly(true, true, true, true, false);
    on(
        () -> {
          priority.readDone();
          return null;
        });
    assertThat(on(priority::tryStartRead)).isTrue();
    assertThat(priority.tryStartRead()).as("not on the service context").isFalse();
  }

  @Test
  void workFromManyThreadsRunsOnTheServiceContextAndNeverOverSpends() throws Exception {
    Thread loop = on(Thread::currentThread);
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    int[] admitted = {0}; // deliberately not thread-safe, like the budget gates
    int threads = 4;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      submitted.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                  CompletableFuture<Void> done = new CompletableFuture<>();
                  synchronized (all) {
                    all.add(done);
                  }
                  priority
                      .first(
                          () -> {
                            seen.add(Thread.currentThread());
                            if (bucket.tryAcquire().isZero()) {
                              admitted[0]++;
                            }
                            return Future.<Void>succeededFuture();
                          })
                      .onComplete(ar -> done.complete(null));
                }
                return null;
              }));
    }
    go.countDown();
    for (java.util.concurrent.Future<?> f : submitted) {
      f.get(10, TimeUnit.SECONDS);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    pool.shutdown();
    assertThat(seen).containsExactly(loop);
    assertThat(on(() -> admitted[0]))
        .as("the clock stood still: the bucket only")
        .isEqualTo(CAPACITY);
  }

  /** Runs on the service context and waits for the answer. */
  private <T> T on(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(10, TimeUnit.SECONDS);
  }
}
