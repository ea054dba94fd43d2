package io.smartcarpipeline.sim;

import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.fault.FaultRules;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the Smartcar stand-in: port, the one accepted client id/secret, token lifetime,
 * the app-wide bucket, fault injection and its seed, and an injected clock (tests move time). Built
 * with {@link #builder()} or from an environment map with {@link #fromEnv(Map)}.
 *
 * <p>Rules: port 0..65535 (0 = a free port), token lifetime positive, bucket capacity ≤ 0 turns the
 * app-wide limit off.
 *
 * @param port HTTP port, {@code SIM_PORT} (default 8090)
 * @param clientId accepted client id, {@code SMARTCAR_CLIENT_ID} (default {@code client_sim})
 * @param clientSecret accepted secret, {@code SMARTCAR_CLIENT_SECRET} (default {@code sim-secret})
 * @param tokenTtl access-token lifetime, {@code SIM_TOKEN_TTL} (default 3600s)
 * @param bucketCapacity app-wide bucket size, {@code SIM_BUCKET_CAPACITY} (default 120)
 * @param bucketRefillPerMinute refill, {@code SIM_BUCKET_REFILL_PER_MINUTE} (default 2)
 * @param faults fault rules ({@code SIM_FAULT_*} set the defaults profile)
 * @param seed seed of the fault draws, {@code SIM_SEED} (default 42)
 * @param requestLogLimit entries kept in the request log, {@code SIM_REQUEST_LOG_LIMIT}
 * @param demoVehicles demo vehicles created at start ({@code veh-0001}…/{@code user-0001}…), {@code
 *     SIM_DEMO_VEHICLES} (default 0)
 * @param clock time source for tokens, the bucket and vehicle timestamps
 * @param webhookId the webhook the management API knows from the start, {@code SIM_WEBHOOK_ID} (the
 *     fleet's default id)
 * @param webhookAutoEnroll subscribe the fleet's vehicles at its start and vehicles added later,
 *     {@code SIM_WEBHOOK_AUTO_ENROLL} (default true)
 */
public record SimConfig(
    int port,
    String clientId,
    String clientSecret,
    Duration tokenTtl,
    int bucketCapacity,
    double bucketRefillPerMinute,
    FaultRules faults,
    long seed,
    int requestLogLimit,
    int demoVehicles,
    Clock clock,
    String webhookId,
    boolean webhookAutoEnroll) {

  public static final int DEFAULT_PORT = 8090;

  /** The default of {@code SIM_WEBHOOK_ID}, shared with the fleet's {@code meta.webhookId}. */
  public static final String DEFAULT_WEBHOOK_ID = "5e1f0c3a-8d2b-4c6e-9a7f-51c0ffee0001";

  public SimConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("SIM_PORT must be 0..65535, was " + port);
    }
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("SIM_TOKEN_TTL must be positive, was " + tokenTtl);
    }
    if (bucketRefillPerMinute < 0) {
      throw new IllegalArgumentException("SIM_BUCKET_REFILL_PER_MINUTE must be >= 0");
    }
    if (requestLogLimit < 1 || demoVehicles < 0) {
      throw new IllegalArgumentException("SIM_REQUEST_LOG_LIMIT >= 1, SIM_DEMO_VEHICLES >= 0");
    }
    faults = faults == null ? FaultRules.none() : faults;
    clock = clock == null ? Clock.systemUTC() : clock;
    webhookId = webhookId == null || webhookId.isBlank() ? DEFAULT_WEBHOOK_ID : webhookId;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Defaults, overridden by the {@code SIM_*} / {@code SMARTCAR_CLIENT_*} keys of {@code env}. */
  public static SimConfig fromEnv(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    FaultProfile profile =
        new FaultProfile(
            r.share("SIM_FAULT_RATE_LIMIT_SHARE"),
            r.share("SIM_FAULT_SERVER_ERROR_SHARE"),
            r.share("SIM_FAULT_UPSTREAM_SHARE"),
            r.share("SIM_FAULT_GATEWAY_TIMEOUT_SHARE"),
            r.share("SIM_FAULT_DROP_SHARE"),
            r.share("SIM_FAULT_LONG_RUNNING_SHARE"),
            r.duration("SIM_FAULT_LATENCY_MIN", Duration.ZERO).toMillis(),
            r.duration("SIM_FAULT_LATENCY_MAX", Duration.ZERO).toMillis(),
            r.intValue("SIM_FAULT_RETRY_AFTER_SECONDS", 1),
            r.duration("SIM_FAULT_LONG_RUNNING", Duration.ofSeconds(2)).toMillis());
    return builder()
        .port(r.intValue("SIM_PORT", DEFAULT_PORT))
        .credentials(
            r.string("SMARTCAR_CLIENT_ID", "client_sim"),
            r.string("SMARTCAR_CLIENT_SECRET", "sim-secret"))
        .tokenTtl(r.duration("SIM_TOKEN_TTL", Duration.ofHours(1)))
        .bucket(
            r.intValue("SIM_BUCKET_CAPACITY", 120),
            r.doubleValue("SIM_BUCKET_REFILL_PER_MINUTE", 2))
        .faults(FaultRules.everywhere(profile))
        .seed(r.longValue("SIM_SEED", 42))
        .requestLogLimit(r.intValue("SIM_REQUEST_LOG_LIMIT", 100_000))
        .demoVehicles(r.intValue("SIM_DEMO_VEHICLES", 0))
        .webhook(
            r.string("SIM_WEBHOOK_ID", DEFAULT_WEBHOOK_ID),
            r.booleanValue("SIM_WEBHOOK_AUTO_ENROLL", true))
        .build();
  }

  /** Builds a {@link SimConfig}; every value has the documented default. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String clientId = "client_sim";
    private String clientSecret = "sim-secret";
    private Duration tokenTtl = Duration.ofHours(1);
    private int bucketCapacity = 120;
    private double bucketRefillPerMinute = 2;
    private FaultRules faults = FaultRules.none();
    private long seed = 42;
    private int requestLogLimit = 100_000;
    private int demoVehicles;
    private Clock clock = Clock.systemUTC();
    private String webhookId = DEFAULT_WEBHOOK_ID;
    private boolean webhookAutoEnroll = true;

    private Builder() {}

    /** The webhook known from the start, and whether vehicles are auto-enrolled. */
    public Builder webhook(String webhookId, boolean autoEnroll) {
      this.webhookId = webhookId;
      this.webhookAutoEnroll = autoEnroll;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder credentials(String clientId, String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder tokenTtl(Duration tokenTtl) {
      this.tokenTtl = tokenTtl;
      return this;
    }

    /** App-wide bucket; capacity ≤ 0 turns it off. */
    public Builder bucket(int capacity, double refillPerMinute) {
      this.bucketCapacity = capacity;
      this.bucketRefillPerMinute = refillPerMinute;
      return this;
    }

    public Builder faults(FaultRules faults) {
      this.faults = faults;
      return this;
    }

    /** The same fault profile for every request. */
    public Builder faults(FaultProfile profile) {
      return faults(FaultRules.everywhere(profile));
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder requestLogLimit(int limit) {
      this.requestLogLimit = limit;
      return this;
    }

    public Builder demoVehicles(int count) {
      this.demoVehicles = count;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public SimConfig build() {
      return new SimConfig(
          port,
          clientId,
          clientSecret,
          tokenTtl,
          bucketCapacity,
          bucketRefillPerMinute,
          faults,
          seed,
          requestLogLimit,
          demoVehicles,
          clock,
          webhookId,
          webhookAutoEnroll);
    }
  }
}
