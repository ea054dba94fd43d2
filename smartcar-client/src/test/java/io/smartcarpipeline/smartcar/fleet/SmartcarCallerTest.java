package io.smartcarpipeline.smartcar.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.budget.TokenBucket;
import io.smartcarpipeline.smartcar.budget.VehicleSpacing;
import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call gate against a real HTTP server answering a scripted sequence of statuses. */
class SmartcarCallerTest {

  private final Vertx vertx = Vertx.vertx();
  private final Deque<int[]> script = new ConcurrentLinkedDeque<>(); // {status, retryAfterSeconds}
  private final List<String> tokensSeen = new ArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private HttpServer server;
  private SmartcarCaller caller;
  private SmartcarHttp http;

  @BeforeEach
  void start() throws Exception {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  synchronized (tokensSeen) {
                    tokensSeen.add(req.getHeader("Authorization"));
                  }
                  int[] next = script.isEmpty() ? new int[] {200, 0} : script.poll();
                  if (next[1] > 0) {
                    req.response().putHeader("Retry-After", String.valueOf(next[1]));
                  }
                  req.response().setStatusCode(next[0]).end("{\"data\":[]}");
                })
            .listen(0)
            .await(10, TimeUnit.SECONDS);
    Clock clock = Clock.systemUTC();
    TokenProvider tokens =
        new TokenProvider(
            () ->
                Future.succeededFuture(
                    AccessToken.issued(
                        "t" + issued.incrementAndGet(), clock.instant(), Duration.ofHours(1))),
            clock,
            Duration.ofMinutes(5),
            ok -> {});
    Budgets budgets =
        new Budgets(
            clock,
            new TokenBucket(clock, 100, 60),
            new VehicleSpacing(clock, Duration.ZERO),
            new CircuitBreaker(clock, 20, 10, 0.5, Duration.ofSeconds(30), s -> {}),
            Duration.ofMinutes(1));
    caller =
        new SmartcarCaller(
            vertx,
            tokens,
            budgets,
            new SmartcarErrorClassifier(),
            3,
            Duration.ofSeconds(2),
            a -> {});
    http = new SmartcarHttp(WebClient.create(vertx), "http://localhost:" + server.actualPort());
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Calls from a Vert.x context, as the services do. */
  private SmartcarAnswer call(CallKind kind) throws Exception {
    Promise<SmartcarAnswer> done = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v ->
                caller
                    .call(
                        "veh",
                        kind,
                        token -> http.request(HttpMethod.GET, "/x", token, null).send())
                    .onComplete(done));
    return done.future().await(20, TimeUnit.SECONDS);
  }

  @Test
  void a401GetsANewTokenAndOneRetry() throws Exception {
    script.add(new int[] {401, 0});

    SmartcarAnswer a = call(CallKind.read("list"));

    assertThat(a.ok()).isTrue();
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(tokensSeen).containsExactly("Bearer t1", "Bearer t2");
  }

  @Test
  void aServerErrorIsRetriedAndASecond401IsFinal() throws Exception {
    script.add(new int[] {503, 0});
    SmartcarAnswer retried = call(CallKind.read("list"));
    assertThat(retried.ok()).isTrue();
    assertThat(retried.attempts()).isEqualTo(2);

    script.add(new int[] {401, 0});
    script.add(new int[] {401, 0});
    SmartcarAnswer refused = call(CallKind.read("list"));
    assertThat(refused.ok()).isFalse();
    assertThat(refused.classification().verdict()).isEqualTo(Verdict.REAUTHENTICATE);
  }

  @Test
  void aRetryAfterLongerThanTheCallMayWaitIsReturnedNotWaitedFor() throws Exception {
    script.add(new int[] {429, 60});

    SmartcarAnswer a = call(CallKind.read("list"));

    assertThat(a.ok()).isFalse();
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.classification().retryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(a.errorKey()).isEqualTo("HTTP_429");
  }

  @Test
  void subscribeTreats409AsDone() throws Exception {
    script.add(new int[] {409, 0});

    SmartcarAnswer a = call(CallKind.management("subscribe", 409));

    assertThat(a.ok()).isTrue();
    assertThat(a.classification().verdict()).isEqualTo(Verdict.ALREADY_DONE);
    assertThat(a.attempts()).isEqualTo(1);
  }
}
