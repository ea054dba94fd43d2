package io.smartcarpipeline.dispatcher.retry;

import java.time.Duration;
import java.util.Random;

/** How long to wait before retry number {@code retry} (1 = the first retry). */
@FunctionalInterface
public interface Backoff {

  /**
   * The delay before the given retry.
   *
   * @param retry 1 for the first retry, 2 for the second…
   * @param random the policy's random source, for jitter
   */
  Duration delay(int retry, Random random);
}
