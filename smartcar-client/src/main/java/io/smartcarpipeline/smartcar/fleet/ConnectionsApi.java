package io.smartcarpipeline.smartcar.fleet;

import io.smartcarpipeline.smartcar.errors.CallKind;
import io.smartcarpipeline.smartcar.http.SmartcarHttp;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;

/**
 * {@code GET {vehicle API}/connections}: every connection of the application, all pages
 * (docs/smartcar-v3.md §6.2), read tolerantly by {@link FleetJson}. App-level: no {@code
 * sc-user-id}.
 */
public final class ConnectionsApi {

  static final CallKind LIST = CallKind.read("list connections");

  /** Pages read at most per listing: 100 000 connections at the largest page size. */
  static final int MAX_PAGES = 1_000;

  private final SmartcarCaller caller;
  private final SmartcarHttp http;
  private final int pageSize;
  private final Duration timeout;

  /**
   * @param http requests below the vehicle API origin ({@code SMARTCAR_API_V3_ORIGIN})
   * @param pageSize {@code page[size]}, 1 to 100
   */
  public ConnectionsApi(SmartcarCaller caller, SmartcarHttp http, int pageSize, Duration timeout) {
    this.caller = caller;
    this.http = http;
    this.pageSize = pageSize;
    this.timeout = timeout;
  }

  /** Every listed connection; {@link Listing#complete()} says whether all pages were read. */
  public Future<Listing<Connection>> all() {
    return Paging.all(
        caller,
        "connections",
        LIST,
        number ->
            token ->
                http.request(HttpMethod.GET, "/connections", token, null)
                    .addQueryParam("page[number]", String.valueOf(number))
                    .addQueryParam("page[size]", String.valueOf(pageSize))
                    .timeout(timeout.toMillis())
                    .send(),
        FleetJson::connections,
        MAX_PAGES);
  }
}
