package io.smartcarpipeline.sim.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real Vert.x HTTP server for the load tests: each request's body is read, then {@code handler}
 * decides when and how to answer it. Runs on the test's Vert.x, on its own event loop.
 */
final class LoadTarget implements AutoCloseable {

  private final HttpServer server;

  private LoadTarget(HttpServer server) {
    this.server = server;
  }

  static LoadTarget start(Vertx vertx, Consumer<HttpServerRequest> handler) throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> req.body().onSuccess(b -> handler.accept(req)))
            .listen(0, "localhost")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    return new LoadTarget(server);
  }

  int port() {
    return server.actualPort();
  }

  String url() {
    return "http://localhost:" + port() + "/webhooks/smartcar";
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
