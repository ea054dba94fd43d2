package io.smartcarpipeline.bench;

import io.smartcarpipeline.support.config.BindAddress;
import io.smartcarpipeline.support.service.Lifecycle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The HTTP ceiling of this machine: a bare Vert.x endpoint with as many event loops as the gateway
 * that reads the whole body and answers 200 with a small JSON body, and does nothing else (no
 * router, no signature, no Kafka). The gateway can only be slower; the ratio says how much.
 */
final class BareHttpServer implements AutoCloseable {

  private final Vertx vertx;
  private final int port;

  private BareHttpServer(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  static BareHttpServer start(int instances) {
    Vertx vertx = Vertx.vertx();
    int port = freePort();
    await(
        vertx.deployVerticle(
            () -> new Endpoint(port), new DeploymentOptions().setInstances(instances)));
    return new BareHttpServer(vertx, port);
  }

  int port() {
    return port;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static final class Endpoint extends VerticleBase {
    private final int port;

    Endpoint(int port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      // a measuring aid on this machine only, like everything a developer runs
      return vertx
          .createHttpServer()
          .requestHandler(Endpoint::handle)
          .listen(port, BindAddress.LOOPBACK);
    }

    private static void handle(HttpServerRequest req) {
      req.body()
          .onSuccess(
              body ->
                  req.response()
                      .putHeader("Content-Type", "application/json")
                      .end("{\"status\":\"accepted\"}"))
          .onFailure(e -> req.response().setStatusCode(400).end());
    }
  }

  static <T> T await(Future<T> f) {
    return Lifecycle.await(f, Duration.ofSeconds(60), "a Vert.x step of the benchmark");
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
