package io.smartcarpipeline.faults;

import io.smartcarpipeline.sim.fleet.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Signed webhook deliveries at a bounded rate from a few threads, as Smartcar would send them: the
 * real VW ID.4 fixture with a fresh {@code eventId} per delivery. Rule: every answer is recorded
 * with its eventId and the time it came back, so a test can check that every 2xx is on Kafka and
 * when the 2xx resumed; a connection error is recorded as status 0 (Smartcar retries it).
 */
final class WebhookFirehose implements AutoCloseable {

  private static final String FIXTURE = "/smartcar-webhooks/vw_id_4_fuel.json";
  private static final String FIXTURE_EVENT_ID = "1821c036-71cb-408f-8dee-2989b9764307";

  /** One delivery: its eventId, the status (0: no answer) and when the answer came. */
  record Outcome(String eventId, int status, long answeredNanos) {
    boolean accepted() {
      return status >= 200 && status < 300;
    }
  }

  private final String template = fixture();
  private final WebhookSigner signer;
  private final URI uri;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final long pauseNanos;
  private volatile boolean running = true;

  /** Starts {@code threads} senders, each sending at most {@code perThreadPerSecond} per second. */
  WebhookFirehose(String token, int port, int threads, int perThreadPerSecond) {
    this.signer = new WebhookSigner(token);
    this.uri = URI.create("http://localhost:" + port + "/webhooks/smartcar");
    this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / perThreadPerSecond;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::sendUntilStopped, "webhook-firehose-" + i);
      t.setDaemon(true);
      t.start();
      this.threads.add(t);
    }
  }

  private void sendUntilStopped() {
    while (running) {
      long started = System.nanoTime();
      String eventId = UUID.randomUUID().toString();
      byte[] body = template.replace(FIXTURE_EVENT_ID, eventId).getBytes(StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("SC-Signature", signer.sign(body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      int status;
      try {
        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        status = 0;
      } catch (InterruptedException e) {
        return;
      }
      outcomes.add(new Outcome(eventId, status, System.nanoTime()));
      // pacing, not synchronisation: keeps the load at a stated rate
      LockSupport.parkNanos(pauseNanos - (System.nanoTime() - started));
    }
  }

  /** Every answer so far. */
  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** How many answers had each status (0: no answer). */
  Map<Integer, Long> statusCounts() {
    return outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
  }

  /** The eventIds answered 2xx. */
  List<String> acceptedEventIds() {
    return outcomes.stream().filter(Outcome::accepted).map(Outcome::eventId).toList();
  }

  /** The first 2xx answered after {@code nanos}, in nanos since then; -1 if none yet. */
  long firstAcceptedAfter(long nanos) {
    return outcomes.stream()
        .filter(o -> o.accepted() && o.answeredNanos() > nanos)
        .mapToLong(o -> o.answeredNanos() - nanos)
        .min()
        .orElse(-1);
  }

  /** Counts the outcomes matching {@code test}. */
  long count(Predicate<Outcome> test) {
    return outcomes.stream().filter(test).count();
  }

  /** Stops sending and waits for the answers still outstanding. */
  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String fixture() {
    try (InputStream in = WebhookFirehose.class.getResourceAsStream(FIXTURE)) {
      if (in == null) {
        throw new IllegalStateException(FIXTURE + " not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
