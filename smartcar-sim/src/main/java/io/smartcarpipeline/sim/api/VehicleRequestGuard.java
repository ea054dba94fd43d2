package io.smartcarpipeline.sim.api;

import io.smartcarpipeline.sim.SmartcarError;
import io.smartcarpipeline.sim.vehicle.SimVehicle;
import java.util.List;
import java.util.Optional;

/**
 * The checks every V3 vehicle request passes before it reaches a vehicle (docs/smartcar-v3.md §1.2,
 * §1.3, §5.2, §5.3), in this order: a valid bearer token (401 AUTHENTICATION), a token from the
 * app-wide bucket (429 RATE_LIMIT:SMARTCAR_API with Retry-After), an {@code sc-user-id} header (400
 * VALIDATION), a known vehicle (404 RESOURCE_NOT_FOUND:PATH), and the vehicle connected for that
 * user (403 PERMISSION). Plain Java: no HTTP types.
 */
public final class VehicleRequestGuard {

  /** Either the admitted vehicle or the error to answer. */
  public record Admission(SimVehicle vehicle, SmartcarError error) {}

  private static final String BEARER = "bearer ";

  private final SimServices services;

  public VehicleRequestGuard(SimServices services) {
    this.services = services;
  }

  /**
   * Checks one request.
   *
   * @param authorization the {@code Authorization} header or {@code null}
   * @param userId the {@code sc-user-id} header or {@code null}
   * @param vehicleId the vehicle id of the path
   */
  public Admission admit(String authorization, String userId, String vehicleId) {
    SmartcarError appError = admitApp(authorization);
    if (appError != null) {
      return refuse(appError);
    }
    if (userId == null || userId.isBlank()) {
      return refuse(
          SmartcarError.validation(
              "The sc-user-id header is required.", List.of("header sc-user-id is missing")));
    }
    Optional<SimVehicle> vehicle = services.fleet().get(vehicleId);
    if (vehicle.isEmpty()) {
      return refuse(SmartcarError.notFound("No vehicle with id " + vehicleId + "."));
    }
    if (!vehicle.get().userId().equals(userId)) {
      return refuse(SmartcarError.permission());
    }
    return new Admission(vehicle.get(), null);
  }

  /**
   * The first two checks, for requests that name no vehicle (connections, management,
   * compatibility): a valid bearer token, then a token from the app-wide bucket. Returns the error
   * to answer, or {@code null} when admitted.
   */
  public SmartcarError admitApp(String authorization) {
    if (!services.tokens().isValid(bearerToken(authorization))) {
      return SmartcarError.authentication(
          "The access token is missing, invalid or expired. Request a new one.");
    }
    var bucket = services.bucket().get();
    if (!bucket.tryAcquire()) {
      return SmartcarError.rateLimit("SMARTCAR_API", bucket.secondsUntilNextToken());
    }
    return null;
  }

  private static Admission refuse(SmartcarError error) {
    return new Admission(null, error);
  }

  private static String bearerToken(String authorization) {
    if (authorization == null || authorization.length() <= BEARER.length()) {
      return null;
    }
    String scheme = authorization.substring(0, BEARER.length());
    return scheme.equalsIgnoreCase(BEARER) ? authorization.substring(BEARER.length()).trim() : null;
  }
}
