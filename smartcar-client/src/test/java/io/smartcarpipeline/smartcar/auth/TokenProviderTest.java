package io.smartcarpipeline.smartcar.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.support.testing.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenProviderTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<Promise<AccessToken>> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final TokenProvider provider =
      new TokenProvider(
          this::pendingRequest, clock, Duration.ofMinutes(5), ok -> refreshes.incrementAndGet());

  private Future<AccessToken> pendingRequest() {
    Promise<AccessToken> p = Promise.promise();
    requests.add(p);
    return p.future();
  }

  private AccessToken issue(int request, String value) {
    AccessToken token = AccessToken.issued(value, clock.instant(), Duration.ofHours(1));
    requests.get(request).complete(token);
    return token;
  }

  @Test
  void shouldReuseTheCachedTokenUntilTheRenewalWindow() {
    // given a token issued at T0 for one hour
    provider.token();
    issue(0, "t1");

    // when asked again 54 minutes later
    clock.advance(Duration.ofMinutes(54));
    Future<AccessToken> again = provider.token();

    // then no new request is made
    assertThat(again.result().value()).isEqualTo("t1");
    assertThat(requests).hasSize(1);
  }

  @Test
  void shouldShareOneRequestAmongManyConcurrentCallers() throws Exception {
    // given 200 callers on 8 threads asking at once while no token exists
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AccessToken>> answers = new CopyOnWriteArrayList<>();
    List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tasks.add(
          pool.submit(
              () -> {
                start.await();
                answers.add(provider.token());
                return null;
              }));
    }
    start.countDown();
    for (java.util.concurrent.Future<?> t : tasks) {
      t.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // when the single request completes
    issue(0, "shared");

    // then there was exactly one request and everyone got its token
    assertThat(requests).hasSize(1);
    assertThat(answers)
        .hasSize(200)
        .allSatisfy(f -> assertThat(f.result().value()).isEqualTo("shared"));
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void shouldRenewInTheBackgroundInsideTheRenewalWindow() {
    provider.token();
    issue(0, "old");
    clock.advance(Duration.ofMinutes(56)); // 4 minutes before expiry, inside the 5-minute window

    Future<AccessToken> first = provider.token();
    Future<AccessToken> second = provider.token();

    assertThat(first.result().value()).isEqualTo("old");
    assertThat(second.result().value()).isEqualTo("old");
    assertThat(requests).hasSize(2); // one renewal for both callers
    issue(1, "new");
    assertThat(provider.token().result().value()).isEqualTo("new");
  }

  @Test
  void shouldWaitForTheRefreshOnceTheTokenExpired() {
    provider.token();
    issue(0, "old");
    clock.advance(Duration.ofMinutes(61));

    Future<AccessToken> answer = provider.token();

    assertThat(answer.isComplete()).isFalse();
    issue(1, "new");
    assertThat(answer.result().value()).isEqualTo("new");
  }

  @Test
  void shouldRefreshOnceWhenManyCallsAreRefusedWithTheSameToken() {
    provider.token();
    AccessToken refused = issue(0, "refused");

    provider.invalidate(refused);
    Future<AccessToken> a = provider.token();
    provider.invalidate(refused); // a second 401 with the same, already dropped token
    Future<AccessToken> b = provider.token();

    assertThat(requests).hasSize(2);
    issue(1, "fresh");
    assertThat(a.result().value()).isEqualTo("fresh");
    assertThat(b.result().value()).isEqualTo("fresh");
    provider.invalidate(refused); // late 401 must not drop the fresh token
    assertThat(provider.token().result().value()).isEqualTo("fresh");
    assertThat(requests).hasSize(2);
  }

  @Test
  void shouldTryAgainAfterAFailedRefresh() {
    Future<AccessToken> failed = provider.token();
    requests.get(0).fail(new TokenRequestException(0, null, "down", null));

    Future<AccessToken> retry = provider.token();

    assertThat(failed.failed()).isTrue();
    assertThat(requests).hasSize(2);
    issue(1, "ok");
    assertThat(retry.result().value()).isEqualTo("ok");
  }
}
