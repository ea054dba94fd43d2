package io.smartcarpipeline.sim.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Every API request the stand-in received (token, commands, signals; not {@code /_sim}), in arrival
 * order, so tests can count calls per vehicle and command. Thread-safe; keeps at most {@code limit}
 * entries (the oldest are dropped first).
 *
 * <p>Rule: a request is logged when it arrives, before any check or fault, so a call counts even if
 * it was refused, rate-limited or dropped.
 */
public final class RequestLog {

  /** The live record of one request; its status is set once when it finishes. */
  public static final class Entry {
    private final LoggedRequest arrival;
    private volatile int status;
    private volatile String state = "IN_FLIGHT";

    private Entry(LoggedRequest arrival) {
      this.arrival = arrival;
    }

    /** The answer was sent completely with this status. */
    public synchronized void answered(int httpStatus) {
      if ("IN_FLIGHT".equals(state)) {
        status = httpStatus;
        state = "ANSWERED";
      }
    }

    /** The connection closed without a complete answer. */
    public synchronized void dropped() {
      if ("IN_FLIGHT".equals(state)) {
        state = "DROPPED";
      }
    }

    LoggedRequest view() {
      LoggedRequest a = arrival;
      return new LoggedRequest(
          a.time(),
          a.method(),
          a.path(),
          a.vehicleId(),
          a.command(),
          a.userId(),
          status,
          state,
          a.requestId());
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final int limit;

  public RequestLog(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
    this.limit = limit;
  }

  /** Records an arriving request and returns its entry, to be finished later. */
  public Entry begin(
      Instant time,
      String method,
      String path,
      String vehicleId,
      String command,
      String userId,
      String requestId) {
    Entry entry =
        new Entry(
            new LoggedRequest(
                time, method, path, vehicleId, command, userId, 0, "IN_FLIGHT", requestId));
    synchronized (entries) {
      if (entries.size() >= limit) {
        entries.removeFirst();
      }
      entries.addLast(entry);
    }
    return entry;
  }

  /** All requests, oldest first. */
  public List<LoggedRequest> all() {
    return find(null, null);
  }

  /** Requests for this vehicle and command; a {@code null} filter matches everything. */
  public List<LoggedRequest> find(String vehicleId, String command) {
    List<Entry> copy;
    synchronized (entries) {
      copy = List.copyOf(entries);
    }
    return copy.stream()
        .map(Entry::view)
        .filter(r -> vehicleId == null || Objects.equals(vehicleId, r.vehicleId()))
        .filter(r -> command == null || Objects.equals(command, r.command()))
        .toList();
  }

  /** How many requests there were for this vehicle and command ({@code null}: any). */
  public int count(String vehicleId, String command) {
    return find(vehicleId, command).size();
  }

  /** Forgets every request. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
