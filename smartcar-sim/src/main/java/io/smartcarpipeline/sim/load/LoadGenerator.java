package io.smartcarpipeline.sim.load;

import io.smartcarpipeline.support.service.Lifecycle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A non-blocking HTTP load generator (Vert.x HTTP client, keep-alive connections, HdrHistogram).
 * Rule: in an open-loop run every request has an <em>intended</em> send time fixed by the rate, and
 * its latency is measured from that time, not from when it actually left, so a stalled server is
 * charged for the requests it delayed (no coordinated omission). A closed-loop run keeps a fixed
 * number of requests outstanding and measures the maximum rate. The work is split over {@code
 * loops} event-loop contexts, each with its own histogram, merged at the end. Speaks only HTTP: no
 * Kafka, no schemas.
 */
public final class LoadGenerator implements AutoCloseable {

  static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

  private final Vertx vertx;
  private final HttpClient client;
  private final String host;
  private final int port;
  private final String path;
  private final int loops;

  /**
   * @param connections keep-alive connections in the pool (per loop)
   * @param loops event-loop contexts generating load
   */
  public LoadGenerator(
      Vertx vertx, String host, int port, String path, int connections, int loops) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.path = path;
    this.loops = Math.max(1, loops);
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setPipelining(false),
            new PoolOptions().setHttp1MaxSize(connections * this.loops).setMaxWaitQueueSize(-1));
  }

  /**
   * A generator that POSTs to {@code url} ({@code http://host:port/path}).
   *
   * @throws IllegalArgumentException the URL is not an absolute http URL with a host
   */
  public static LoadGenerator forUrl(Vertx vertx, String url, int connections, int loops) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http://host[:port]/path URL: " + url);
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new LoadGenerator(vertx, uri.getHost(), port, path, connections, loops);
  }

  /**
   * Sends {@code ratePerSecond} requests a second for {@code duration}, open loop, and returns once
   * every one of them has been answered.
   */
  public LoadResult openLoop(RequestSource source, double ratePerSecond, Duration duration) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("the rate must be > 0");
    }
    return run(
        duration, i -> new OpenLoopRun(this, source, ratePerSecond / loops, duration, i, loops));
  }

  /** Keeps {@code concurrency} requests outstanding for {@code duration}: the maximum rate. */
  public LoadResult closedLoop(RequestSource source, int concurrency, Duration duration) {
    int perLoop = Math.max(1, concurrency / loops);
    return run(duration, i -> new ClosedLoopRun(this, source, perLoop, duration, i, loops));
  }

  private LoadResult run(Duration duration, IntFunction<LoadRun> runOfLoop) {
    List<Future<LoadResult>> parts = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      Context ctx = vertx.getOrCreateContext();
      LoadRun run = runOfLoop.apply(i);
      Promise<LoadResult> p = Promise.promise();
      ctx.runOnContext(v -> run.start(p));
      parts.add(p.future());
    }
    Lifecycle.await(Future.all(parts), duration.plus(Duration.ofMinutes(3)), "load run");
    return LoadResult.merge(parts.stream().map(Future::result).toList());
  }

  /**
   * Sends one request; the future completes with the status code once the whole body is read, or
   * fails on a transport error. Must be called on a Vert.x context.
   */
  Future<Integer> send(RequestSource.Request request) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(host)
            .setPort(port)
            .setURI(path)
            .setHeaders(request.headers());
    return client
        .request(options)
        .compose(req -> req.send(request.body()))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }

  Vertx vertx() {
    return vertx;
  }

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  @Override
  public void close() {
    client.close();
  }
}
