package io.smartcarpipeline.sim.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link RequestSource} that counts how its requests ended, for progress lines while a run is
 * going: 2xx, other statuses, transport errors. Thread-safe; the counts are read from any thread.
 */
final class CountingSource implements RequestSource {

  private final RequestSource delegate;
  private final LongAdder sent = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder non2xx = new LongAdder();
  private final LongAdder errors = new LongAdder();

  CountingSource(RequestSource delegate) {
    this.delegate = delegate;
  }

  /** The counts at one moment. */
  record Counts(long sent, long accepted, long non2xx, long errors) {}

  @Override
  public Request next(long seq) {
    sent.increment();
    return delegate.next(seq);
  }

  @Override
  public void completed(Request request, int status, long endNanos) {
    if (status >= 200 && status < 300) {
      accepted.increment();
    } else if (status == 0) {
      errors.increment();
    } else {
      non2xx.increment();
    }
    delegate.completed(request, status, endNanos);
  }

  Counts counts() {
    return new Counts(sent.sum(), accepted.sum(), non2xx.sum(), errors.sum());
  }
}
