package io.smartcarpipeline.gateway.http;

import io.smartcarpipeline.gateway.client.SignatureFailureLimit;
import io.smartcarpipeline.gateway.client.SourcePolicy;
import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x side of {@link SourcePolicy}: refuses webhook requests from sources outside the
 * allow-list (403, before the body is read), and turns a client's signature failures beyond its
 * limit into 429 with the connection closed. Rule: a request whose signature checks out never
 * passes through the limit; only the allow-list, which the operator set on purpose, can refuse it.
 */
public final class SourceGuard {

  private static final Logger LOG = LoggerFactory.getLogger(SourceGuard.class);
  private static final String CLIENT = "gateway.client";

  private final SourcePolicy policy;
  private final SignatureFailureLimit failures;
  private final GatewayMetrics metrics;
  private final LogThrottle logs;

  public SourceGuard(SourcePolicy policy, Clock clock, GatewayMetrics metrics) {
    this.policy = policy;
    this.failures = new SignatureFailureLimit(policy.signatureFailuresPerMinute(), clock);
    this.metrics = metrics;
    this.logs = new LogThrottle(Duration.ofSeconds(10), clock::instant);
  }

  /** First handler of the webhook path: who is calling, and may they. */
  void admit(RoutingContext ctx) {
    String client = client(ctx);
    ctx.put(CLIENT, client);
    if (policy.allows(client)) {
      ctx.next();
      return;
    }
    metrics.request("source_refused");
    logs.tryAcquire()
        .ifPresent(
            suppressed ->
                LOG.info(
                    "webhook_source_refused client={} suppressed_since_last={}",
                    client,
                    suppressed));
    ctx.response().putHeader("Connection", "close");
    HttpErrors.respond(
        ctx,
        403,
        "SOURCE_NOT_ALLOWED",
        "This address may not deliver webhooks here; the operator lists allowed sources in "
            + SourcePolicy.ALLOWED_SOURCES);
  }

  /**
   * A failed webhook request as it will be answered: a signature failure (401) over the client's
   * limit becomes a 429 that closes the connection; anything else is unchanged.
   */
  Throwable limit(RoutingContext ctx, Throwable error) {
    if (!(error instanceof Rejection r) || r.status() != 401) {
      return error;
    }
    String client = ctx.get(CLIENT);
    if (!failures.failedAndOverLimit(client == null ? client(ctx) : client)) {
      return error;
    }
    ctx.response().putHeader("Connection", "close");
    return Rejection.tooManyFailures(
        "TOO_MANY_SIGNATURE_FAILURES",
        "Too many requests with a missing or wrong SC-Signature from this address; try again in a"
            + " minute");
  }

  private String client(RoutingContext ctx) {
    return policy.client(
        ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("X-Forwarded-For"));
  }
}
