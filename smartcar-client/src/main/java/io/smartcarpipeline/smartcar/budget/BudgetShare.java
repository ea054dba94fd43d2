package io.smartcarpipeline.smartcar.budget;

import java.time.Clock;

/**
 * One process's slice of the Smartcar application's request budget. Smartcar counts the app-wide
 * limit (docs/smartcar-v3.md §5.3: a bucket of 120 requests, +2 a minute, by default) per
 * application, whatever the number of services and replicas calling with its credentials; so each
 * service takes a fraction of it and divides that among its replicas. The slices together never
 * exceed the application's bucket: capacity is rounded down, never below one request.
 *
 * @param appCapacity the application's bucket size (120 by default)
 * @param appRefillPerMinute the application's refill (2 a minute by default)
 * @param fraction this service's share of the application, in (0, 1]
 * @param replicas how many processes of this service run, at least 1
 */
public record BudgetShare(
    int appCapacity, double appRefillPerMinute, double fraction, int replicas) {

  public BudgetShare {
    if (appCapacity < 1 || appRefillPerMinute <= 0) {
      throw new IllegalArgumentException(
          "the app bucket needs capacity >= 1 and a positive refill");
    }
    if (fraction <= 0 || fraction > 1) {
      throw new IllegalArgumentException("a service's share must be in (0, 1]");
    }
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be at least 1");
    }
  }

  /** The bucket size of one process: {@code floor(appCapacity × fraction / replicas)}, >= 1. */
  public int capacity() {
    return Math.max(1, (int) Math.floor(appCapacity * fraction / replicas));
  }

  /** The refill of one process, per minute: {@code appRefillPerMinute × fraction / replicas}. */
  public double refillPerMinute() {
    return appRefillPerMinute * fraction / replicas;
  }

  /** A bucket of this process's size and refill. */
  public TokenBucket bucket(Clock clock) {
    return new TokenBucket(clock, capacity(), refillPerMinute());
  }
}
