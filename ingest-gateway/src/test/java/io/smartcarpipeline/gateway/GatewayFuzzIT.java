package io.smartcarpipeline.gateway;

import static io.smartcarpipeline.gateway.GatewayIT.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smartcarpipeline.events.DeadLetter;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.gateway.http.GatewayRouter;
import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.junit.LocalStackExtension;
import io.smartcarpipeline.schemas.Topics;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded fuzzing of the gateway against the real embedded broker: signed and unsigned mutations of
 * the real fixtures over HTTP, and malformed HTTP over raw sockets. The seed is printed; rerun one
 * with {@code -Dfuzz.seed=N} ({@code -Dfuzz.seed=random} draws a new one), size it with {@code
 * -Dfuzz.count=N} (signed mutations; default 10,000). Pass: no 5xx (the broker is healthy, so not
 * even a 503), every 2xx has its record on the events or the dead-letter topic (matched by the
 * body's bytes, nothing more and nothing less), every signed 400 has its dead letter, every 4xx has
 * the JSON error shape, and the gateway is ready at the end.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayFuzzIT {

  private static final String TOKEN = "fuzz-token";
  private static final long DEFAULT_SEED = 20261203L;
  private static final int IN_FLIGHT = 32;

  /** One request sent and what came back. */
  private record Exchange(byte[] body, boolean signed, int status, String answer) {}

  @Test
  void hostileInputNeverBreaksTheContract(LocalStack stack) throws Exception {
    String given = System.getProperty("fuzz.seed", String.valueOf(DEFAULT_SEED));
    long seed = given.equals("random") ? new Random().nextLong() : Long.parseLong(given);
    int count = Integer.getInteger("fuzz.count", 10_000);
    System.out.printf("fuzz seed=%d count=%d (rerun: -Dfuzz.seed=%d)%n", seed, count, seed);
    Random random = new Random(seed);
    WebhookMutator mutator = new WebhookMutator(random);
    List<byte[]> fixtures = new ArrayList<>();
    Fixtures.VEHICLE_EVENTS.forEach(f -> fixtures.add(Fixtures.bytes(f)));
    fixtures.add(Fixtures.bytes(Fixtures.VERIFY));

    try (GatewayApp gateway = GatewayApp.start(GatewayHardeningIT.settings(stack, TOKEN, 500));
        TopicProbe<VehicleEvent> events =
            new TopicProbe<>(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.VEHICLE_EVENTS);
        TopicProbe<DeadLetter> deadLetters =
            new TopicProbe<>(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.DEAD_LETTERS)) {
      Map<TopicPartition, Long> eventsMark = events.mark();
      Map<TopicPartition, Long> lettersMark = deadLetters.mark();

      long began = System.nanoTime();
      // given thousands of mutated bodies, most signed, a few hundred not (made one by one as they
      // are sent, from the one seeded Random, so a seed replays the same sequence)
      int unsignedCount = Math.max(50, count / 30);
      Supplier<byte[]> signed = () -> mutator.mutate(fixtures.get(random.nextInt(fixtures.size())));
      Supplier<byte[]> unsigned =
          () -> mutator.mutate(fixtures.get(random.nextInt(fixtures.size() - 1)));

      // when they are delivered, and malformed HTTP arrives on raw sockets meanwhile
      ExecutorService raw = Executors.newFixedThreadPool(4);
      List<Future<String>> rawResults = MalformedHttp.sendAll(raw, gateway.port(), TOKEN);
      List<Exchange> exchanges = deliverAll(gateway.port(), signed, count, unsigned, unsignedCount);
      List<String> rawFailures = new ArrayList<>();
      for (Future<String> f : rawResults) {
        String failure = f.get();
        if (failure != null) {
          rawFailures.add(failure);
        }
      }
      raw.shutdown();

      // then the contract holds for every one
      Map<String, Integer> statuses = new HashMap<>();
      exchanges.forEach(e -> statuses.merge(String.valueOf(e.status()), 1, Integer::sum));
      System.out.printf(
          "fuzz statuses=%s raw_cases=%d deliver_ms=%d%n",
          statuses, rawResults.size(), (System.nanoTime() - began) / 1_000_000);
      assertThat(rawFailures).as("malformed HTTP over raw sockets").isEmpty();
      assertThat(exchanges).allSatisfy(GatewayFuzzIT::answeredWithinTheContract);

      Map<String, Integer> expectedEvents = new HashMap<>();
      Map<String, Integer> expectedLetters = new HashMap<>();
      for (Exchange e : exchanges) {
        String key = key(e.body());
        if (e.status() == 200 && e.answer().contains("\"accepted\"")) {
          // an event keeps the body as text: compare it as the gateway decoded it
          String text = new String(e.body(), StandardCharsets.UTF_8);
          expectedEvents.merge(key(text.getBytes(StandardCharsets.UTF_8)), 1, Integer::sum);
        } else if (e.status() == 202 || (e.signed() && e.status() == 400)) {
          expectedLetters.merge(key, 1, Integer::sum);
        }
      }
      Map<String, Integer> actualEvents =
          tally(
              events.recordsSince(eventsMark),
              r -> r.getRawBody().getBytes(StandardCharsets.UTF_8));
      Map<String, Integer> actualLetters =
          tally(deadLetters.recordsSince(lettersMark), GatewayFuzzIT::letterBytes);
      assertThat(actualEvents).as("vehicle events, by body").isEqualTo(expectedEvents);
      assertThat(actualLetters).as("dead letters, by body").isEqualTo(expectedLetters);

      GatewayClient client = new GatewayClient(gateway.port());
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(client.request("GET", "/health/ready").statusCode()).isEqualTo(200));
    }
  }

  private static void answeredWithinTheContract(Exchange e) {
    assertThat(e.status()).as("status of %s", describe(e)).isBetween(200, 499);
    if (e.status() >= 400) {
      JsonObject error = new JsonObject(e.answer()).getJsonObject("error");
      assertThat(error.getString("code")).as("error code of %s", describe(e)).isNotBlank();
      assertThat(error.getString("message")).isNotBlank();
    }
    if (!e.signed()) {
      assertThat(e.status()).as("unsigned %s", describe(e)).isIn(200, 400, 401, 413);
      if (e.status() == 200) {
        assertThat(e.answer()).contains("challenge");
      }
    }
  }

  private static String describe(Exchange e) {
    String text = new String(e.body(), StandardCharsets.UTF_8);
    return (e.signed() ? "signed" : "unsigned")
        + " body "
        + (text.length() > 200 ? text.substring(0, 200) + "…" : text)
        + " answered "
        + e.status()
        + " "
        + e.answer();
  }

  private static List<Exchange> deliverAll(
      int port,
      Supplier<byte[]> signed,
      int signedCount,
      Supplier<byte[]> unsigned,
      int unsignedCount)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI uri = URI.create("http://localhost:" + port + GatewayRouter.WEBHOOK_PATH);
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Exchange>> pending = new ArrayList<>();
    for (int i = 0; i < signedCount + unsignedCount; i++) {
      boolean sign = i < signedCount;
      byte[] body = sign ? signed.get() : unsigned.get();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (sign) {
        request.header("SC-Signature", hmacHex(TOKEN, body));
      }
      slots.acquire();
      pending.add(
          http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, error) -> {
                    slots.release();
                    if (error != null) {
                      return new Exchange(body, sign, -1, error.toString());
                    }
                    return new Exchange(body, sign, response.statusCode(), response.body());
                  }));
    }
    List<Exchange> out = new ArrayList<>();
    for (CompletableFuture<Exchange> f : pending) {
      out.add(f.get());
    }
    return out;
  }

  private static <V> Map<String, Integer> tally(
      List<org.apache.kafka.clients.consumer.ConsumerRecord<String, V>> records,
      Function<V, byte[]> bytes) {
    Map<String, Integer> out = new HashMap<>();
    records.forEach(r -> out.merge(key(bytes.apply(r.value())), 1, Integer::sum));
    return out;
  }

  private static byte[] letterBytes(DeadLetter letter) {
    ByteBuffer value = letter.getValue().duplicate();
    byte[] out = new byte[value.remaining()];
    value.get(out);
    return out;
  }

  private static String key(byte[] body) {
    return Base64.getEncoder().encodeToString(body);
  }
}
