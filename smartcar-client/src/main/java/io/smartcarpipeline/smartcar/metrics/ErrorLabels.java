package io.smartcarpipeline.smartcar.metrics;

import io.smartcarpipeline.smartcar.http.ApiOutcome;
import io.smartcarpipeline.smartcar.http.ApiResponse;
import io.smartcarpipeline.smartcar.http.TransportFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code type} and {@code code} labels of one Smartcar error, from a closed set so that a
 * metric's series stay few whatever Smartcar sends: the types and codes docs/smartcar-v3.md §5.2
 * lists; a code the table does not list is {@code OTHER}, an unknown type is {@code OTHER:OTHER}; a
 * type without code is {@code NONE}. An error without a type is {@code HTTP:<status>} (a listed
 * status, else {@code OTHER}); a command that Smartcar reports failed without an error object is
 * {@code COMMAND:FAILURE}; no answer at all is {@code TRANSPORT:<kind>}. Plain Java.
 */
public final class ErrorLabels {

  /** A label value for anything outside the listed set. */
  public static final String OTHER = "OTHER";

  /** The code label of a type that came without a code. */
  public static final String NONE = "NONE";

  /** The pair of label values. */
  public record Pair(String type, String code) {}

  static final Map<String, Set<String>> CODES =
      Map.ofEntries(
          Map.entry("AUTHENTICATION", Set.of(NONE)),
          Map.entry("PERMISSION", Set.of(NONE)),
          Map.entry("VALIDATION", Set.of(NONE, "PARAMETER")),
          Map.entry("RESOURCE_NOT_FOUND", Set.of(NONE, "PATH", "VERSION")),
          Map.entry(
              "CONNECTED_SERVICES_ACCOUNT",
              Set.of(
                  "ACCOUNT_ISSUE",
                  "AUTHENTICATION_FAILED",
                  "NO_VEHICLES",
                  "PERMISSION",
                  "SUBSCRIPTION",
                  "VEHICLE_MISSING",
                  "VIRTUAL_KEY_REQUIRED")),
          Map.entry(
              "VEHICLE_STATE",
              Set.of(
                  "ASLEEP",
                  "UNREACHABLE",
                  "VEHICLE_OFFLINE_FOR_SERVICE",
                  "CHARGING_IN_PROGRESS",
                  "NOT_CHARGING",
                  "FULLY_CHARGED",
                  "CHARGING_PLUG_NOT_CONNECTED",
                  "DOOR_OPEN",
                  "TRUNK_OPEN",
                  "HOOD_OPEN",
                  "IN_MOTION",
                  "IGNITION_ON",
                  "CHARGE_FAULT",
                  "REMOTE_ACCESS_DISABLED",
                  "UNKNOWN")),
          Map.entry("RATE_LIMIT", Set.of("SMARTCAR_API", "VEHICLE")),
          Map.entry(
              "BILLING",
              Set.of(
                  "INVALID_PLAN", "VEHICLE_LIMIT", "VEHICLE_REQUEST_LIMIT", "ACCOUNT_SUSPENDED")),
          Map.entry("SERVER", Set.of("INTERNAL", "RECORD_NOT_FOUND", "MULTIPLE_RECORDS_FOUND")),
          Map.entry(
              "COMPATIBILITY",
              Set.of("MAKE_NOT_COMPATIBLE", "SMARTCAR_NOT_CAPABLE", "VEHICLE_NOT_CAPABLE")),
          Map.entry(
              "UPSTREAM",
              Set.of("INVALID_DATA", "KNOWN_ISSUE", "NO_RESPONSE", "UNKNOWN_ISSUE", "RATE_LIMIT")),
          Map.entry("OAUTH", Set.of()),
          Map.entry(
              "HTTP",
              Set.of(
                  "400", "401", "403", "404", "409", "429", "430", "500", "501", "502", "503",
                  "504")),
          Map.entry("COMMAND", Set.of("FAILURE")),
          Map.entry("TRANSPORT", enumNames()));

  private ErrorLabels() {}

  /** The labels of an outcome that is an error; empty for a success or a PENDING command. */
  public static Optional<Pair> of(ApiOutcome outcome) {
    if (outcome instanceof TransportFailure f) {
      return Optional.of(new Pair("TRANSPORT", f.kind().name()));
    }
    ApiResponse r = (ApiResponse) outcome;
    if (r.errorType() != null) {
      return Optional.of(bounded(upper(r.errorType()), r.errorCode()));
    }
    if (r.httpStatus() >= 300 || r.httpStatus() < 200) {
      return Optional.of(bounded("HTTP", String.valueOf(r.httpStatus())));
    }
    String status = r.statusValue() == null ? null : upper(r.statusValue());
    if (status != null && !isFine(status)) {
      return Optional.of(new Pair("COMMAND", "FAILURE"));
    }
    return Optional.empty();
  }

  /** Every pair the labels can take, {@code OTHER} ones included (to register them at zero). */
  public static List<Pair> all() {
    List<Pair> pairs = new ArrayList<>();
    CODES.forEach(
        (type, codes) -> {
          codes.forEach(code -> pairs.add(new Pair(type, code)));
          pairs.add(new Pair(type, OTHER));
        });
    pairs.add(new Pair(OTHER, OTHER));
    return pairs;
  }

  private static Pair bounded(String type, String rawCode) {
    Set<String> codes = CODES.get(type);
    if (codes == null) {
      return new Pair(OTHER, OTHER);
    }
    String code = rawCode == null || rawCode.isBlank() ? NONE : upper(rawCode);
    return new Pair(type, codes.contains(code) ? code : OTHER);
  }

  private static boolean isFine(String status) {
    return "SUCCESS".equals(status) || "PENDING".equals(status);
  }

  private static Set<String> enumNames() {
    return java.util.Arrays.stream(TransportFailure.Kind.values())
        .map(Enum::name)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private static String upper(String s) {
    return s.trim().toUpperCase(Locale.ROOT);
  }
}
