package io.smartcarpipeline.sim;

import java.util.List;
import java.util.Locale;

/**
 * One Smartcar API error as the stand-in answers it (docs/smartcar-v3.md §5.1/§5.2): the HTTP
 * status, the {@code type}/{@code code} pair, texts and the resolution. The HTTP layer renders it
 * as Smartcar's flat envelope; vehicle rules and fault injection produce it without knowing HTTP.
 *
 * <p>Rule: the status always matches the type as listed in §5.2 (the factories are the only way the
 * simulator builds errors).
 *
 * @param statusCode HTTP status, equal to the body's {@code statusCode}
 * @param type error category, e.g. {@code VEHICLE_STATE}
 * @param code error code or {@code null} (AUTHENTICATION, PERMISSION, VALIDATION)
 * @param description English description
 * @param resolutionType {@code RETRY_LATER}, {@code REAUTHENTICATE}, {@code CONTACT_SUPPORT} or
 *     {@code null}
 * @param suggestedUserMessage text safe to show an end user
 * @param retryAfterSeconds value of the {@code Retry-After} header, or {@code null} for none
 * @param detail validation details, or {@code null}
 */
public record SmartcarError(
    int statusCode,
    String type,
    String code,
    String description,
    String resolutionType,
    String suggestedUserMessage,
    Integer retryAfterSeconds,
    List<String> detail) {

  /** 401: the bearer token is missing, unknown or expired. */
  public static SmartcarError authentication(String description) {
    return of(
        401,
        "AUTHENTICATION",
        null,
        description,
        "REAUTHENTICATE",
        "Please reconnect your vehicle.");
  }

  /** 400 VALIDATION with the offending fields in {@code detail}. */
  public static SmartcarError validation(String description, List<String> detail) {
    return new SmartcarError(
        400,
        "VALIDATION",
        null,
        description,
        null,
        "Something went wrong. Please try again.",
        null,
        List.copyOf(detail));
  }

  /** 403: the vehicle is not connected for the user named in {@code sc-user-id}. */
  public static SmartcarError permission() {
    return of(
        403,
        "PERMISSION",
        null,
        "The vehicle is not connected for this user, or the permission was revoked.",
        "REAUTHENTICATE",
        "Please reconnect your vehicle to grant access.");
  }

  /** 404 RESOURCE_NOT_FOUND:PATH, e.g. an unknown vehicle id. */
  public static SmartcarError notFound(String description) {
    return of(404, "RESOURCE_NOT_FOUND", "PATH", description, null, "Vehicle not found.");
  }

  /**
   * 409 for a subscription that already exists (management API). Smartcar documents only the
   * status; the type/code pair is the simulator's.
   */
  public static SmartcarError alreadySubscribed(String description) {
    return of(409, "CONFLICT", "ALREADY_SUBSCRIBED", description, null, "Already subscribed.");
  }

  /** 409 VEHICLE_STATE with the given code (ASLEEP, NOT_CHARGING, …). */
  public static SmartcarError vehicleState(String code, String description) {
    String resolution = "ASLEEP".equals(code) || "UNREACHABLE".equals(code) ? "RETRY_LATER" : null;
    return of(
        409,
        "VEHICLE_STATE",
        code,
        description,
        resolution,
        "Your vehicle could not carry out the request in its current state.");
  }

  /** 400 CONNECTED_SERVICES_ACCOUNT:VIRTUAL_KEY_REQUIRED for a Tesla without the app's key. */
  public static SmartcarError virtualKeyRequired() {
    return of(
        400,
        "CONNECTED_SERVICES_ACCOUNT",
        "VIRTUAL_KEY_REQUIRED",
        "This Tesla needs the application's virtual key before it accepts commands.",
        null,
        "Add the virtual key to your Tesla from the Tesla app, then try again.");
  }

  /** 429 RATE_LIMIT with code {@code SMARTCAR_API} (app bucket) or {@code VEHICLE}. */
  public static SmartcarError rateLimit(String code, int retryAfterSeconds) {
    return new SmartcarError(
        429,
        "RATE_LIMIT",
        code,
        "SMARTCAR_API".equals(code)
            ? "The application has exceeded its request limit."
            : "The vehicle has received too many requests.",
        "RETRY_LATER",
        "Too many requests. Please try again later.",
        retryAfterSeconds,
        null);
  }

  /** 500 SERVER:INTERNAL. */
  public static SmartcarError serverInternal() {
    return of(
        500,
        "SERVER",
        "INTERNAL",
        "Smartcar encountered an internal error.",
        "RETRY_LATER",
        "Something went wrong. Please try again later.");
  }

  /** 502 UPSTREAM:NO_RESPONSE: the OEM did not answer. */
  public static SmartcarError upstream() {
    return of(
        502,
        "UPSTREAM",
        "NO_RESPONSE",
        "The vehicle manufacturer's servers did not respond.",
        "RETRY_LATER",
        "Your vehicle's manufacturer is unavailable. Please try again later.");
  }

  private static SmartcarError of(
      int status,
      String type,
      String code,
      String description,
      String resolution,
      String userMessage) {
    return new SmartcarError(status, type, code, description, resolution, userMessage, null, null);
  }

  /** Smartcar's documentation URL for this error, e.g. {@code …/vehicle-state-errors#asleep}. */
  public String docUrl() {
    String page = type.toLowerCase(Locale.ROOT).replace('_', '-') + "-errors";
    String anchor = code == null ? "" : "#" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    return "https://smartcar.com/docs/errors/api-errors/" + page + anchor;
  }
}
