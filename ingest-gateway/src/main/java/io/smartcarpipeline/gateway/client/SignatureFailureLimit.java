package io.smartcarpipeline.gateway.client;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts, per client address, the requests that failed the signature check in the current minute,
 * and says when a client is over its limit. Rule: only failures are counted and only failures are
 * ever limited, so a validly signed delivery is never refused by it. Memory is bounded: the least
 * recently seen clients are forgotten beyond {@link #MAX_CLIENTS}. Shared by every event loop.
 */
public final class SignatureFailureLimit {

  /** Clients remembered at most (a spread of addresses cannot grow the map without bound). */
  static final int MAX_CLIENTS = 10_000;

  private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

  private final int perMinute;
  private final Clock clock;
  private final Map<String, long[]> windows =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  /**
   * @param perMinute failures allowed per client per minute; 0 = no limit
   * @param clock the time source of the windows
   */
  public SignatureFailureLimit(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Records one failed request of {@code client}; true if it is over the limit with it. */
  public synchronized boolean failedAndOverLimit(String client) {
    if (perMinute == 0) {
      return false;
    }
    long now = clock.millis();
    long[] window = windows.get(client); // {start, count}
    if (window == null || now - window[0] >= WINDOW_MILLIS) {
      window = new long[] {now, 0};
      windows.put(client, window);
    }
    window[1]++;
    return window[1] > perMinute;
  }

  /** Clients currently remembered (tests). */
  synchronized int clients() {
    return windows.size();
  }
}
