package io.smartcarpipeline.dispatcher.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerCodecTest {

  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2026-01-01T00:01:00Z");
  private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");

  @Test
  void shouldKeepWhenTheLatestCallOfAMarkerStarted() {
    LedgerEntry marker = LedgerEntry.started("c1", "fp", 2, FIRST, LATEST);

    LedgerEntry read = LedgerCodec.decode(LedgerCodec.encode(marker));

    assertThat(read).isEqualTo(marker);
    assertThat(read.lastCallNotBefore(NOW)).isEqualTo(LATEST);
  }

  @Test
  void shouldReadAMarkerWithoutAttemptAtConservatively() {
    String first =
        "{\"commandId\":\"c1\",\"fingerprint\":\"fp\",\"phase\":\"STARTED\",\"attempts\":1,"
            + "\"firstAttemptAt\":"
            + FIRST.toEpochMilli()
            + "}";
    String later = first.replace("\"attempts\":1", "\"attempts\":3");

    assertThat(LedgerCodec.decode(first).lastCallNotBefore(NOW)).isEqualTo(FIRST);
    assertThat(LedgerCodec.decode(later).lastCallNotBefore(NOW)).isEqualTo(NOW);
  }
}
