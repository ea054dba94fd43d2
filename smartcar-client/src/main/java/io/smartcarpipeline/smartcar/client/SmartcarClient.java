package io.smartcarpipeline.smartcar.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.smartcar.auth.IamTokenClient;
import io.smartcarpipeline.smartcar.auth.TokenProvider;
import io.smartcarpipeline.smartcar.budget.Budgets;
import io.smartcarpipeline.smartcar.budget.CircuitBreaker;
import io.smartcarpipeline.smartcar.errors.SmartcarErrorClassifier;
import io.smartcarpipeline.smartcar.fleet.SmartcarAnswer;
import io.smartcarpipeline.smartcar.fleet.SmartcarCaller;
import io.smartcarpipeline.smartcar.metrics.SmartcarApiErrors;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Smartcar client parts a service builds once from its {@link SmartcarClientSettings}, built
 * the same way in every service: the app token source (IAM client credentials, renewed early), the
 * budget gates (this process's share of the application's bucket, vehicle spacing, circuit breaker)
 * and the error classifier that counts {@code smartcar_api_errors_total} on the service's registry.
 * A service that calls through {@link SmartcarCaller} (fleet-sync) takes one from {@link #caller};
 * the dispatcher drives the three parts from its own retry loop.
 *
 * <p>The budgets are not thread-safe: use them (and the caller) on one Vert.x context.
 *
 * @param tokens the one app token, shared by every call of the process
 * @param budgets the gates every call passes
 * @param classifier the one place that decides what an outcome means
 */
public record SmartcarClient(
    TokenProvider tokens, Budgets budgets, SmartcarErrorClassifier classifier) {

  private static final Logger LOG = LoggerFactory.getLogger(SmartcarClient.class);

  /**
   * What the service is told, for its metrics.
   *
   * @param tokenRefreshed every completed token refresh (true = got a token)
   * @param breakerState every breaker state change (also logged as {@code breaker_state_changed})
   */
  public record Observers(
      Consumer<Boolean> tokenRefreshed, Consumer<CircuitBreaker.State> breakerState) {}

  /**
   * Builds the parts.
   *
   * @param web the service's client to Smartcar (IAM included)
   * @param iamTimeout how long one token request may take
   * @param registry where the classifier counts Smartcar's errors
   */
  public static SmartcarClient create(
      SmartcarClientSettings settings,
      WebClient web,
      Duration iamTimeout,
      Clock clock,
      MeterRegistry registry,
      Observers observers) {
    TokenProvider tokens =
        new TokenProvider(
            new IamTokenClient(
                web,
                settings.iamOrigin(),
                settings.clientId(),
                settings.clientSecret(),
                clock,
                iamTimeout),
            clock,
            settings.tokenRenewBefore(),
            observers.tokenRefreshed());
    Budgets budgets =
        settings
            .budget()
            .budgets(
                clock,
                state -> {
                  observers.breakerState().accept(state);
                  LOG.warn("breaker_state_changed state={}", state);
                });
    return new SmartcarClient(
        tokens, budgets, new SmartcarErrorClassifier(new SmartcarApiErrors(registry)));
  }

  /**
   * A caller over these parts: budget gates, app token (one retry on 401), classifier, a few short
   * retries.
   *
   * @param maxAttempts calls per logical call at most, the first included
   * @param maxRetryWait a retry that would wait longer is left to the caller's caller
   * @param observer told of every answer, for metrics
   */
  public SmartcarCaller caller(
      Vertx vertx, int maxAttempts, Duration maxRetryWait, Consumer<SmartcarAnswer> observer) {
    return new SmartcarCaller(
        vertx, tokens, budgets, classifier, maxAttempts, maxRetryWait, observer);
  }
}
