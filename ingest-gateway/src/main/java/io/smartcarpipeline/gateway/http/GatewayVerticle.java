package io.smartcarpipeline.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/**
 * One HTTP server instance on its own event loop; several are deployed on the same port and Vert.x
 * spreads connections across them. Rule: {@code start()} completes only once the server listens.
 */
public final class GatewayVerticle extends VerticleBase {

  private final int port;
  private final Function<io.vertx.core.Vertx, Router> routes;
  private HttpServer server;

  /**
   * @param port the port to listen on; a negative port is a random port shared by every server
   *     listening on that same negative value
   * @param routes builds this instance's router on its Vert.x instance
   */
  public GatewayVerticle(int port, Function<io.vertx.core.Vertx, Router> routes) {
    this.port = port;
    this.routes = routes;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()).requestHandler(routes.apply(vertx));
    return server.listen(port);
  }

  /** The port this instance listens on. */
  public int actualPort() {
    return server.actualPort();
  }
}
