package io.smartcarpipeline.sim.api;

import java.time.Instant;

/**
 * One request the stand-in received, as listed by {@code GET /_sim/requests} and {@link
 * RequestLog}.
 *
 * @param time when it arrived (simulator clock)
 * @param method HTTP method
 * @param path request path
 * @param vehicleId the vehicle in the path, or {@code null} (token requests)
 * @param command the command wire name ({@code charge-start}, …), {@code signals}, {@code token},
 *     or the unknown path tail
 * @param userId the {@code sc-user-id} header, or {@code null}
 * @param status the HTTP status answered; 0 while in flight or when the connection was dropped
 * @param state {@code IN_FLIGHT}, {@code ANSWERED} or {@code DROPPED}
 * @param requestId the {@code SC-Request-Id} sent back
 */
public record LoggedRequest(
    Instant time,
    String method,
    String path,
    String vehicleId,
    String command,
    String userId,
    int status,
    String state,
    String requestId) {}
