package io.smartcarpipeline.fleetsync;

import io.micrometer.core.instrument.MeterRegistry;
import io.smartcarpipeline.fleetsync.config.FleetSyncConfig;
import io.smartcarpipeline.fleetsync.sync.CallPriority;
import io.smartcarpipeline.fleetsync.sync.FleetView;
import io.smartcarpipeline.smartcar.fleet.SmartcarCaller;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/**
 * What fleet-sync's parts share, handed to extensions (gap-filling) when the service starts. All
 * Smartcar calls go through {@code caller} (token, budget share, classifier, Retry-After, breaker);
 * {@code fleet} and the caller are used from {@code context} only.
 *
 * @param config the validated settings
 * @param vertx the service's Vert.x
 * @param context the one context every Smartcar call and fleet change runs on
 * @param web the HTTP client towards Smartcar
 * @param caller the gate every Smartcar call goes through
 * @param priority syncs before reads: a read starts only when {@link CallPriority#tryStartRead}
 *     says so
 * @param fleet the connection records
 * @param clock the service's clock
 * @param registry the metrics registry (/metrics)
 * @param router the HTTP router of {@code FLEET_SYNC_PORT}, to mount routes on
 */
public record FleetSyncParts(
    FleetSyncConfig config,
    Vertx vertx,
    Context context,
    WebClient web,
    SmartcarCaller caller,
    CallPriority priority,
    FleetView fleet,
    Clock clock,
    MeterRegistry registry,
    Router router) {}
