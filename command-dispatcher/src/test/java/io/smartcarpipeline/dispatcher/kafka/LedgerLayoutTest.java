package io.smartcarpipeline.dispatcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerLayoutTest {

  @Test
  void shouldPutEntriesInTheirCommandsPartitionAndLoadOnlyTheAssignedOnes() {
    LedgerLayout layout = new LedgerLayout("l", 6, 6, null);

    assertThat(layout.coPartitioned()).isTrue();
    assertThat(layout.ledgerPartition(4)).isEqualTo(4);
    assertThat(layout.toLoad(List.of(5, 1, 5))).containsExactly(1, 5);
  }

  @Test
  void shouldLoadEveryPartitionWhenTheCountsDiffer() {
    LedgerLayout layout = new LedgerLayout("l", 6, 12, null);

    assertThat(layout.coPartitioned()).isFalse();
    assertThat(layout.ledgerPartition(9)).isEqualTo(3);
    assertThat(layout.toLoad(List.of(9))).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void shouldLeaveThePartitionToTheProducerWhenTheCommandsPartitionIsUnknown() {
    assertThat(new LedgerLayout("l", 6, 6, null).ledgerPartition(-1)).isNull();
  }
}
