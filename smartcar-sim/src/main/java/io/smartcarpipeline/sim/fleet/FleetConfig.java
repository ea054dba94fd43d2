package io.smartcarpipeline.sim.fleet;

import io.smartcarpipeline.sim.EnvReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the simulated fleet. Built with {@link #builder()} or from an environment map
 * with {@link #fromEnv(Map, String, int)}.
 *
 * <p>Rules: gateway URL and management token required; at least one vehicle; time factor > 0
 * (simulated seconds per real second); step positive (simulated time per tick; a tick runs every
 * {@code step / timeFactor} real time, at least 1 ms); duplicate share within 0..1; concurrency ≥
 * 1.
 *
 * @param gatewayUrl where webhooks are POSTed (the gateway's webhook URL)
 * @param managementToken signs deliveries and checks the VERIFY answer ({@code
 *     SMARTCAR_MANAGEMENT_TOKEN})
 * @param vehicles fleet size
 * @param seed the fleet's seed: same seed, same profiles and days ({@code SIM_FLEET_SEED}, 42)
 * @param timeFactor simulated seconds per real second ({@code SIM_TIME_FACTOR}, 60)
 * @param step simulated time per tick ({@code SIM_FLEET_STEP}, 60s)
 * @param duplicateShare share of events delivered twice ({@code SIM_DUPLICATE_SHARE}, 0.05)
 * @param concurrency deliveries in flight at once ({@code SIM_DELIVERY_CONCURRENCY}, 8)
 * @param webhookId {@code meta.webhookId} ({@code SIM_WEBHOOK_ID})
 * @param webhookName {@code meta.webhookName} ({@code SIM_WEBHOOK_NAME})
 * @param startTime simulated start; {@code null} = the wall clock at start ({@code
 *     SIM_FLEET_START}, ISO-8601 instant)
 * @param deliveryTimeout real time an attempt may take before it counts as failed ({@code
 *     SIM_DELIVERY_TIMEOUT}, 15s, Smartcar's limit; not scaled)
 * @param drainTimeout real time {@code stop()} waits for deliveries still pending (5s)
 */
public record FleetConfig(
    String gatewayUrl,
    String managementToken,
    int vehicles,
    long seed,
    double timeFactor,
    Duration step,
    double duplicateShare,
    int concurrency,
    String webhookId,
    String webhookName,
    Instant startTime,
    Duration deliveryTimeout,
    Duration drainTimeout) {

  public FleetConfig {
    if (gatewayUrl == null || !gatewayUrl.matches("https?://.+")) {
      throw new IllegalArgumentException("gateway URL must be http(s)://…, was " + gatewayUrl);
    }
    if (managementToken == null || managementToken.isBlank()) {
      throw new IllegalArgumentException(
          "SMARTCAR_MANAGEMENT_TOKEN is required: the fleet signs webhooks with it");
    }
    if (vehicles < 1) {
      throw new IllegalArgumentException("vehicles must be >= 1, was " + vehicles);
    }
    if (!(timeFactor > 0)) {
      throw new IllegalArgumentException("SIM_TIME_FACTOR must be > 0, was " + timeFactor);
    }
    if (step == null || step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("SIM_FLEET_STEP must be positive, was " + step);
    }
    if (!(duplicateShare >= 0 && duplicateShare <= 1)) {
      throw new IllegalArgumentException("SIM_DUPLICATE_SHARE must be 0..1, was " + duplicateShare);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("SIM_DELIVERY_CONCURRENCY must be >= 1");
    }
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(webhookName, "webhookName");
    Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Smartcar's retry schedule at this config's time factor. */
  public RetrySchedule retrySchedule() {
    return RetrySchedule.smartcar(timeFactor);
  }

  /** Real milliseconds between ticks: {@code step / timeFactor}, at least 1. */
  public long tickMillis() {
    return Math.max(1, Math.round(step.toMillis() / timeFactor));
  }

  /**
   * The {@code SIM_*} fleet keys and {@code SMARTCAR_MANAGEMENT_TOKEN} of {@code env}, over the
   * defaults; the gateway URL and fleet size come from the command line.
   */
  public static FleetConfig fromEnv(Map<String, String> env, String gatewayUrl, int vehicles) {
    EnvReader r = new EnvReader(env);
    Builder b =
        builder()
            .gatewayUrl(gatewayUrl)
            .managementToken(r.string("SMARTCAR_MANAGEMENT_TOKEN", null))
            .vehicles(vehicles)
            .seed(r.longValue("SIM_FLEET_SEED", 42))
            .timeFactor(r.doubleValue("SIM_TIME_FACTOR", 60))
            .step(r.duration("SIM_FLEET_STEP", Duration.ofSeconds(60)))
            .duplicateShare(
                r.string("SIM_DUPLICATE_SHARE", null) == null
                    ? 0.05
                    : r.share("SIM_DUPLICATE_SHARE"))
            .concurrency(r.intValue("SIM_DELIVERY_CONCURRENCY", 8))
            .webhookId(r.string("SIM_WEBHOOK_ID", Builder.DEFAULT_WEBHOOK_ID))
            .webhookName(r.string("SIM_WEBHOOK_NAME", Builder.DEFAULT_WEBHOOK_NAME))
            .deliveryTimeout(r.duration("SIM_DELIVERY_TIMEOUT", Duration.ofSeconds(15)));
    String start = r.string("SIM_FLEET_START", null);
    if (start != null) {
      try {
        b.startTime(Instant.parse(start));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "SIM_FLEET_START must be an ISO-8601 instant, was '" + start + "'");
      }
    }
    return b.build();
  }

  /** Builds a {@link FleetConfig}; every value but the URL and token has a default. */
  public static final class Builder {
    static final String DEFAULT_WEBHOOK_ID = io.smartcarpipeline.sim.SimConfig.DEFAULT_WEBHOOK_ID;
    static final String DEFAULT_WEBHOOK_NAME = "smartcar-sim fleet";
    private String gatewayUrl;
    private String managementToken;
    private int vehicles = 8;
    private long seed = 42;
    private double timeFactor = 60;
    private Duration step = Duration.ofSeconds(60);
    private double duplicateShare = 0.05;
    private int concurrency = 8;
    private String webhookId = DEFAULT_WEBHOOK_ID;
    private String webhookName = DEFAULT_WEBHOOK_NAME;
    private Instant startTime;
    private Duration deliveryTimeout = Duration.ofSeconds(15);
    private Duration drainTimeout = Duration.ofSeconds(5);

    private Builder() {}

    public Builder gatewayUrl(String v) {
      gatewayUrl = v;
      return this;
    }

    public Builder managementToken(String v) {
      managementToken = v;
      return this;
    }

    public Builder vehicles(int v) {
      vehicles = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder timeFactor(double v) {
      timeFactor = v;
      return this;
    }

    public Builder step(Duration v) {
      step = v;
      return this;
    }

    public Builder duplicateShare(double v) {
      duplicateShare = v;
      return this;
    }

    public Builder concurrency(int v) {
      concurrency = v;
      return this;
    }

    public Builder webhookId(String v) {
      webhookId = v;
      return this;
    }

    public Builder webhookName(String v) {
      webhookName = v;
      return this;
    }

    public Builder startTime(Instant v) {
      startTime = v;
      return this;
    }

    public Builder deliveryTimeout(Duration v) {
      deliveryTimeout = v;
      return this;
    }

    public Builder drainTimeout(Duration v) {
      drainTimeout = v;
      return this;
    }

    public FleetConfig build() {
      return new FleetConfig(
          gatewayUrl,
          managementToken,
          vehicles,
          seed,
          timeFactor,
          step,
          duplicateShare,
          concurrency,
          webhookId,
          webhookName,
          startTime,
          deliveryTimeout,
          drainTimeout);
    }
  }
}
