package io.smartcarpipeline.smartcar.fleet;

import io.smartcarpipeline.smartcar.auth.AccessToken;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.errors.Classification;
import io.smartcarpipeline.smartcar.errors.Schedule;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.errors.Verdict;
import io.smartcarpipeline.smartcar.http.ResponseParser;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes one logical call to Smartcar the way every call must be made: through the budget gates
 * ({@link Budgets}: spacing per key, circuit breaker, this process's share of the app bucket), with
 * the app token ({@link TokenProvider}, one retry on 401), judged by the one classifier, feeding
 * the outcome back to the budgets (Retry-After, app-wide holds), and retried a few times when the
 * classifier says so and the wait is short. Waiting is a Vert.x timer, never a blocked thread. Use
 * from one Vert.x context (the budgets are not thread-safe).
 */
public final class SmartcarCaller {

  /** Sends the request with the given bearer token. */
  @FunctionalInterface
  public interface Send extends Function<String, Future<HttpResponse<Buffer>>> {}

  private final Vertx vertx;
  private final TokenProvider tokens;
  private final Budgets budgets;
  private final SmartcarErrorClassifier classifier;
  private final int maxAttempts;
  private final Duration maxRetryWait;
  private final Consumer<SmartcarAnswer> observer;

  /**
   * @param maxAttempts calls per logical call at most, the first included
   * @param maxRetryWait a retry that would have to wait longer (Retry-After, asleep vehicle) is not
   *     made: the answer is returned and the caller decides (e.g. the next sync)
   * @param observer told of every answer, for metrics (errors by Smartcar code)
   */
  public SmartcarCaller(
      Vertx vertx,
      TokenProvider tokens,
      Budgets budgets,
      SmartcarErrorClassifier classifier,
      int maxAttempts,
      Duration maxRetryWait,
      Consumer<SmartcarAnswer> observer) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.vertx = vertx;
    this.tokens = tokens;
    this.budgets = budgets;
    this.classifier = classifier;
    this.maxAttempts = maxAttempts;
    this.maxRetryWait = maxRetryWait;
    this.observer = observer;
  }

  /**
   * Calls until the answer is final; the future never fails.
   *
   * @param budgetKey the key the spacing applies to: the vehicle id for a vehicle's calls, a name
   *     per page for app-level listings
   */
  public Future<SmartcarAnswer> call(String budgetKey, CallKind kind, Send send) {
    Promise<SmartcarAnswer> done = Promise.promise();
    attempt(budgetKey, kind, send, 1, false, done);
    return done.future();
  }

  private void attempt(
      String key,
      CallKind kind,
      Send send,
      int attempt,
      boolean reauthenticated,
      Promise<SmartcarAnswer> done) {
    Duration wait = budgets.waitBeforeCall(key);
    if (!wait.isZero()) {
      vertx.setTimer(
          Math.max(1, wait.toMillis()),
          t -> attempt(key, kind, send, attempt, reauthenticated, done));
      return;
    }
    tokens
        .token()
        .onComplete(
            tokenResult -> {
              if (tokenResult.failed()) {
                budgets.notCalled();
                Classification c = classifier.classifyTokenFailure(tokenResult.cause());
                finishOrRetry(key, kind, send, attempt, reauthenticated, done, c, null);
                return;
              }
              AccessToken token = tokenResult.result();
              send.apply(token.value())
                  .map(response -> answer(response, kind, attempt))
                  .recover(e -> Future.succeededFuture(failed(e, kind, attempt)))
                  .onSuccess(
                      a -> {
                        budgets.after(key, a.classification());
                        if (a.classification().verdict() == Verdict.REAUTHENTICATE
                            && !reauthenticated) {
                          tokens.invalidate(token);
                          attempt(key, kind, send, attempt + 1, true, done);
                          return;
                        }
                        finishOrRetry(
                            key, kind, send, attempt, reauthenticated, done, a.classification(), a);
                      });
            });
  }

  private void finishOrRetry(
      String key,
      CallKind kind,
      Send send,
      int attempt,
      boolean reauthenticated,
      Promise<SmartcarAnswer> done,
      Classification c,
      SmartcarAnswer answer) {
    SmartcarAnswer result = answer != null ? answer : SmartcarAnswer.noCall(c, attempt);
    Duration delay = retryDelay(c, attempt);
    if (delay == null) {
      observer.accept(result);
      done.complete(result);
      return;
    }
    vertx.setTimer(
        Math.max(1, delay.toMillis()),
        t -> attempt(key, kind, send, attempt + 1, reauthenticated, done));
  }

  /** How long to wait before the next attempt, or null when the answer is final. */
  private Duration retryDelay(Classification c, int attempt) {
    if (c.verdict() != Verdict.RETRYABLE || attempt >= maxAttempts) {
      return null;
    }
    if (c.schedule() == Schedule.VEHICLE) {
      return null; // asleep or unreachable: minutes, not this call's business
    }
    Duration delay =
        c.retryAfter() != null ? c.retryAfter() : Duration.ofMillis(500L << (attempt - 1));
    return delay.compareTo(maxRetryWait) > 0 ? null : delay;
  }

  private SmartcarAnswer answer(HttpResponse<Buffer> response, CallKind kind, int attempt) {
    String body = response.bodyAsString();
    var outcome = ResponseParser.parse(response.statusCode(), body, response::getHeader);
    return new SmartcarAnswer(classifier.classify(outcome, kind), outcome, body, attempt);
  }

  private SmartcarAnswer failed(Throwable e, CallKind kind, int attempt) {
    var outcome = SmartcarHttp.failure(e);
    return new SmartcarAnswer(classifier.classify(outcome, kind), outcome, null, attempt);
  }
}
