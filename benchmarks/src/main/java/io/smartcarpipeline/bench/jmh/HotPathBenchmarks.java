package io.smartcarpipeline.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.SignatureCheck;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.normalise.VehicleEventMapper;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier;
import io.smartcarpipeline.schemas.Topics;
import io.smartcarpipeline.serde.AvroSerdeConfig;
import io.smartcarpipeline.serde.ConfluentAvroSerializer;
import io.smartcarpipeline.serde.InMemorySchemaRegistryClient;
import io.smartcarpipeline.sim.load.Reading;
import io.smartcarpipeline.sim.load.VehicleStateBodies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmarks of the gateway's per-webhook hot path, on a realistic body of 10 or 30
 * signals: the {@code SC-Signature} check, parse + normalise with the gateway's {@link
 * VehicleEventMapper}, and Avro encoding with the project's Confluent serializer (in-memory
 * registry, so no network). Run: {@code bin/smartcar-pipeline bench jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmarks {

  private static final String TOKEN = "bench-management-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Param({"10", "30"})
  public int signals;

  private byte[] body;
  private String bodyText;
  private String signature;
  private SignatureVerifier verifier;
  private VehicleEvent event;
  private ConfluentAvroSerializer<VehicleEvent> serializer;

  @Setup
  public void setUp() throws Exception {
    Reading r =
        new Reading(
            "veh-000001",
            "user-1",
            1_765_157_655_000L,
            54,
            167_336,
            true,
            true,
            11,
            52.2,
            0.15,
            true);
    bodyText = VehicleStateBodies.vehicleState(r, new UUID(1, 2), new UUID(3, 4), signals);
    body = bodyText.getBytes(StandardCharsets.UTF_8);
    signature = SignatureVerifier.sign(TOKEN, body);
    verifier = new SignatureVerifier(TOKEN, Optional.empty());
    event = parseAndNormalise();
    serializer =
        new ConfluentAvroSerializer<>(
            new InMemorySchemaRegistryClient(),
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mem://bench"));
  }

  @Benchmark
  public SignatureVerifier.Verdict signatureCheck() {
    return verifier.verify(body, signature);
  }

  @Benchmark
  public VehicleEvent parseAndNormalise() throws Exception {
    JsonNode root = JSON.readTree(body);
    return VehicleEventMapper.map(
        root, EventType.VEHICLE_STATE, bodyText, SignatureCheck.CURRENT_KEY, Instant.EPOCH);
  }

  @Benchmark
  public byte[] avroEncode() {
    return serializer.serialize(Topics.VEHICLE_EVENTS.name(), event);
  }
}
