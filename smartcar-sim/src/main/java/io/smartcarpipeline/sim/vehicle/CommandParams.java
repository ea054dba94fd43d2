package io.smartcarpipeline.sim.vehicle;

import io.smartcarpipeline.sim.SmartcarError;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of one command, read from the JSON:API request body {@code
 * {"data":{"attributes":{…}}}} (docs/smartcar-v3.md §4.1).
 *
 * <p>Rules: {@code charge/set-limit} needs an integer {@code percent} in 50..100; {@code
 * navigation/set-destination} needs a {@code latitude} in −90..90 and a {@code longitude} in
 * −180..180; the other commands take no parameters and ignore any body. Anything else is a 400
 * {@code VALIDATION}.
 *
 * @param percent charge limit, only for set-limit
 * @param latitude destination latitude, only for set-destination
 * @param longitude destination longitude, only for set-destination
 */
public record CommandParams(Integer percent, Double latitude, Double longitude) {

  private static final CommandParams NONE = new CommandParams(null, null, null);

  /** The outcome of reading a body: parameters, or the 400 to answer. */
  public record Parsed(CommandParams params, SmartcarError error) {}

  /** No parameters. */
  public static CommandParams none() {
    return NONE;
  }

  /** Charge-limit parameters. */
  public static CommandParams percent(int percent) {
    return new CommandParams(percent, null, null);
  }

  /** Destination parameters. */
  public static CommandParams destination(double latitude, double longitude) {
    return new CommandParams(null, latitude, longitude);
  }

  /**
   * Reads and validates the parameters of {@code type} from a decoded JSON body.
   *
   * @param body the decoded body, or {@code null} when there was none
   */
  public static Parsed parse(CommandType type, Map<String, Object> body) {
    return switch (type) {
      case CHARGE_SET_LIMIT -> parsePercent(attributes(body));
      case NAVIGATION_SET_DESTINATION -> parseDestination(attributes(body));
      default -> new Parsed(NONE, null);
    };
  }

  private static Parsed parsePercent(Map<?, ?> attributes) {
    Object percent = attributes.get("percent");
    if (!(percent instanceof Integer || percent instanceof Long || percent instanceof BigInteger)) {
      return invalid("data.attributes.percent must be an integer between 50 and 100");
    }
    long value = ((Number) percent).longValue();
    if (percent instanceof BigInteger || value < 50 || value > 100) {
      return invalid("data.attributes.percent must be an integer between 50 and 100");
    }
    return new Parsed(percent((int) value), null);
  }

  private static Parsed parseDestination(Map<?, ?> attributes) {
    Object latitude = attributes.get("latitude");
    Object longitude = attributes.get("longitude");
    if (!(latitude instanceof Number lat) || !inRange(lat.doubleValue(), 90)) {
      return invalid("data.attributes.latitude must be a number between -90 and 90");
    }
    if (!(longitude instanceof Number lon) || !inRange(lon.doubleValue(), 180)) {
      return invalid("data.attributes.longitude must be a number between -180 and 180");
    }
    return new Parsed(destination(lat.doubleValue(), lon.doubleValue()), null);
  }

  private static boolean inRange(double value, double bound) {
    return Double.isFinite(value) && value >= -bound && value <= bound;
  }

  private static Map<?, ?> attributes(Map<String, Object> body) {
    if (body != null
        && body.get("data") instanceof Map<?, ?> data
        && data.get("attributes") instanceof Map<?, ?> attributes) {
      return attributes;
    }
    return Map.of();
  }

  private static Parsed invalid(String detail) {
    return new Parsed(null, SmartcarError.validation("Invalid request body.", List.of(detail)));
  }

  /** The parameters as the {@code parameters} object of the command-execution answer. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (percent != null) {
      map.put("percent", percent);
    }
    if (latitude != null) {
      map.put("latitude", latitude);
      map.put("longitude", longitude);
    }
    return map;
  }
}
