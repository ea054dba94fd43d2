package io.smartcarpipeline.processors.query;

import io.smartcarpipeline.support.http.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one instance of the query API reaches the others of its Kafka Streams application (their
 * {@code application.server} addresses): a per-vehicle request is forwarded once to the instance
 * hosting that vehicle, and a fleet-wide request gathers the local answer and every peer's local
 * answer. A request that carries {@value #FORWARDED_HEADER} is answered from local stores only, so
 * a request crosses at most one hop. A peer that does not answer in time or answers an error is
 * named in {@code instances.unreachable} of the merged answer instead of failing it.
 */
final class Peers {

  static final String FORWARDED_HEADER = "X-Smartcar-Forwarded";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(Peers.class);

  private final HttpClient client;
  private final Supplier<List<String>> peers;
  private final Duration timeout;

  /**
   * @param peers the other instances' {@code host:port}, asked anew for every gathering (they
   *     change with rebalances)
   */
  Peers(Vertx vertx, Supplier<List<String>> peers, Duration timeout) {
    this.client = vertx.createHttpClient();
    this.peers = peers;
    this.timeout = timeout;
  }

  /** Whether the request came from a peer and must be answered locally. */
  static boolean isForwarded(RoutingContext ctx) {
    return ctx.request().getHeader(FORWARDED_HEADER) != null;
  }

  /** Relays the request to {@code owner} ({@code host:port}) and its answer to the caller. */
  void forward(RoutingContext ctx, String owner, String vehicleId) {
    get(owner, ctx.request().uri())
        .compose(resp -> resp.body().map(body -> relay(ctx, resp.statusCode(), body.toString())))
        .onFailure(
            e -> {
              LOG.warn(
                  "query_forward_failed vehicle_id={} owner={} error={}",
                  vehicleId,
                  owner,
                  e.toString());
              HttpErrors.respond(
                  ctx,
                  502,
                  "FORWARD_FAILED",
                  "The instance hosting " + vehicleId + " (" + owner + ") did not answer");
            });
  }

  /**
   * The answer to a fleet-wide request: {@code local} alone when a peer asked, else {@code local}
   * merged with every peer's answer to the same request (see {@link #gather}).
   */
  Future<JsonObject> answer(
      RoutingContext ctx, JsonObject local, Function<List<JsonObject>, JsonObject> merge) {
    return isForwarded(ctx)
        ? Future.succeededFuture(local)
        : gather(local, ctx.request().uri(), merge);
  }

  /**
   * The local answer merged with every peer's answer to {@code uri}; {@code instances} tells how
   * many answered and which did not.
   */
  Future<JsonObject> gather(
      JsonObject local, String uri, Function<List<JsonObject>, JsonObject> merge) {
    List<String> peers = this.peers.get();
    if (peers.isEmpty()) {
      return Future.succeededFuture(withInstances(local, 1, List.of()));
    }
    List<Future<JsonObject>> answers = new ArrayList<>();
    for (String peer : peers) {
      answers.add(getJson(peer, uri));
    }
    return Future.join(answers)
        .transform(
            done -> {
              List<JsonObject> parts = new ArrayList<>(List.of(local));
              List<String> unreachable = new ArrayList<>();
              for (int i = 0; i < peers.size(); i++) {
                Future<JsonObject> answer = answers.get(i);
                if (answer.succeeded()) {
                  parts.add(answer.result());
                } else {
                  unreachable.add(peers.get(i));
                  LOG.warn(
                      "query_peer_failed peer={} uri={} error={}",
                      peers.get(i),
                      uri,
                      answer.cause().toString());
                }
              }
              return Future.succeededFuture(
                  withInstances(merge.apply(parts), parts.size(), unreachable));
            });
  }

  private Future<JsonObject> getJson(String peer, String uri) {
    return get(peer, uri)
        .compose(
            resp ->
                resp.body()
                    .compose(
                        body ->
                            resp.statusCode() == 200
                                ? Future.succeededFuture(body.toJsonObject())
                                : Future.failedFuture(
                                    "HTTP " + resp.statusCode() + ": " + body.toString())));
  }

  private Future<HttpClientResponse> get(String hostPort, String uri) {
    int colon = hostPort.lastIndexOf(':');
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(hostPort.substring(0, colon))
            .setPort(Integer.parseInt(hostPort.substring(colon + 1)))
            .setURI(uri)
            .setTimeout(timeout.toMillis())
            .putHeader(FORWARDED_HEADER, "1");
    return client.request(options).compose(req -> req.send());
  }

  private static JsonObject withInstances(
      JsonObject answer, int answered, List<String> unreachable) {
    return answer.put(
        "instances",
        new JsonObject().put("answered", answered).put("unreachable", new JsonArray(unreachable)));
  }

  private static Void relay(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    return null;
  }
}
