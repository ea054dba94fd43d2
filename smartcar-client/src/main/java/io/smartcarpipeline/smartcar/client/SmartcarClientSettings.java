package io.smartcarpipeline.smartcar.client;

import io.smartcarpipeline.smartcar.budget.BudgetSettings;
import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Redaction;
import io.smartcarpipeline.support.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What every service that calls Smartcar reads the same way: the application's credentials, the V3
 * and IAM origins, when to renew the app token, and this process's budget gates. The credentials
 * and origins are shared keys ({@code SMARTCAR_*}); the rest sit under the service's own prefix
 * ({@code DISPATCHER_RATE_BUCKET_CAPACITY}, {@code FLEET_SYNC_BREAKER_WINDOW}, …), with defaults
 * that differ only in the service's share of the application's bucket ({@link Keys}). A bad value
 * fails at start naming its key; the secret is never part of {@link #toString()}.
 *
 * @param clientId {@value #CLIENT_ID}
 * @param clientSecret {@value #CLIENT_SECRET} (never printed)
 * @param apiOrigin {@value #API_V3_ORIGIN}, without a trailing slash
 * @param iamOrigin {@value #IAM_ORIGIN} (token at /oauth2/token), without a trailing slash
 * @param tokenRenewBefore {@code <prefix>TOKEN_RENEW_BEFORE}: renew the app token this long before
 *     it expires
 * @param budget {@code <prefix>RATE_*}, {@code <prefix>VEHICLE_SPACING}, {@code <prefix>BREAKER_*}
 */
public record SmartcarClientSettings(
    String clientId,
    String clientSecret,
    String apiOrigin,
    String iamOrigin,
    Duration tokenRenewBefore,
    BudgetSettings budget) {

  public static final String CLIENT_ID = "SMARTCAR_CLIENT_ID";
  public static final String CLIENT_SECRET = "SMARTCAR_CLIENT_SECRET";
  public static final String API_V3_ORIGIN = "SMARTCAR_API_V3_ORIGIN";
  public static final String IAM_ORIGIN = "SMARTCAR_IAM_ORIGIN";

  /**
   * A service's names for the prefixed keys, and its defaults: its share of the application's
   * bucket (smartcar-client/README.md: the dispatcher 72, +1.2/min; fleet-sync 48, +0.8/min;
   * together the default application bucket of 120, +2/min). Everything else defaults alike.
   *
   * @param prefix the service's key prefix, ending in {@code _} ({@code DISPATCHER_})
   * @param defaultBucketCapacity default of {@code <prefix>RATE_BUCKET_CAPACITY}
   * @param defaultRefillPerMinute default of {@code <prefix>RATE_REFILL_PER_MINUTE}
   */
  public record Keys(String prefix, int defaultBucketCapacity, double defaultRefillPerMinute) {

    public Keys {
      if (prefix == null || !prefix.matches("[A-Z][A-Z0-9_]*_")) {
        throw new IllegalArgumentException("a key prefix like DISPATCHER_, got " + prefix);
      }
      if (defaultBucketCapacity < 1 || !(defaultRefillPerMinute > 0)) {
        throw new IllegalArgumentException("a default share needs capacity >= 1, refill > 0");
      }
    }

    public String tokenRenewBefore() {
      return prefix + "TOKEN_RENEW_BEFORE";
    }

    public String bucketCapacity() {
      return prefix + "RATE_BUCKET_CAPACITY";
    }

    public String refillPerMinute() {
      return prefix + "RATE_REFILL_PER_MINUTE";
    }

    public String vehicleSpacing() {
      return prefix + "VEHICLE_SPACING";
    }

    public String breakerWindow() {
      return prefix + "BREAKER_WINDOW";
    }

    public String breakerMinCalls() {
      return prefix + "BREAKER_MIN_CALLS";
    }

    public String breakerFailureRate() {
      return prefix + "BREAKER_FAILURE_RATE";
    }

    public String breakerOpenFor() {
      return prefix + "BREAKER_OPEN_FOR";
    }

    /** The defaults of every key read here (the credentials have none). */
    public Map<String, String> defaults() {
      return Map.of(
          API_V3_ORIGIN,
          "https://vehicle.api.smartcar.com/v3",
          IAM_ORIGIN,
          "https://iam.smartcar.com",
          tokenRenewBefore(),
          "5m",
          bucketCapacity(),
          String.valueOf(defaultBucketCapacity),
          refillPerMinute(),
          String.valueOf(defaultRefillPerMinute),
          vehicleSpacing(),
          "1s",
          breakerWindow(),
          "20",
          breakerMinCalls(),
          "10",
          breakerFailureRate(),
          "0.5",
          breakerOpenFor(),
          "30s");
    }

    /** A service's own defaults together with these (a service's value wins). */
    public Map<String, String> defaultsWith(Map<String, String> own) {
      Map<String, String> all = new HashMap<>(defaults());
      all.putAll(own);
      return Map.copyOf(all);
    }
  }

  /** Reads and validates the settings, the {@link Keys#defaults()} under what is given. */
  public static SmartcarClientSettings from(Settings given, Keys keys) {
    Settings s = Settings.of(keys.defaults()).with(given.asMap());
    return new SmartcarClientSettings(
        s.require(CLIENT_ID, "the client id from the Smartcar Dashboard"),
        s.require(CLIENT_SECRET, "the client secret from the Smartcar Dashboard"),
        origin(s, API_V3_ORIGIN),
        origin(s, IAM_ORIGIN),
        s.duration(keys.tokenRenewBefore()),
        budget(s, keys));
  }

  /** An http(s) origin without a trailing slash; fails naming the key otherwise. */
  public static String origin(Settings s, String key) {
    String v = s.get(key);
    try {
      URI uri = URI.create(v);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "expected an http(s) URL, got '" + v + "'");
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  @Override
  public String toString() {
    return "SmartcarClientSettings[clientId="
        + clientId
        + ", clientSecret="
        + Redaction.HIDDEN
        + ", apiOrigin="
        + apiOrigin
        + ", iamOrigin="
        + iamOrigin
        + ", tokenRenewBefore="
        + tokenRenewBefore
        + ", budget="
        + budget
        + "]";
  }

  private static BudgetSettings budget(Settings s, Keys keys) {
    BudgetSettings b =
        new BudgetSettings(
            s.intAtLeast(keys.bucketCapacity(), 1),
            s.doubleValue(keys.refillPerMinute()),
            s.duration(keys.vehicleSpacing()),
            s.intAtLeast(keys.breakerWindow(), 1),
            s.intAtLeast(keys.breakerMinCalls(), 1),
            s.doubleValue(keys.breakerFailureRate()),
            s.positiveDuration(keys.breakerOpenFor()));
    if (!(b.refillPerMinute() > 0)) {
      throw new ConfigException(keys.refillPerMinute(), "must be positive");
    }
    if (b.vehicleSpacing().isNegative()) {
      throw new ConfigException(keys.vehicleSpacing(), "must not be negative");
    }
    if (b.breakerMinCalls() > b.breakerWindow()) {
      throw new ConfigException(
          keys.breakerMinCalls(),
          "must be at most " + keys.breakerWindow() + " (" + b.breakerWindow() + ")");
    }
    if (!(b.breakerFailureRate() > 0 && b.breakerFailureRate() <= 1)) {
      throw new ConfigException(keys.breakerFailureRate(), "must be in (0, 1]");
    }
    return b;
  }
}
