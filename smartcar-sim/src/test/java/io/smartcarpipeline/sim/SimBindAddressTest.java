package io.smartcarpipeline.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smartcarpipeline.support.testing.ListeningSockets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's {@code /_sim/faults} and {@code /_sim/tokens/revoke} change its behaviour, so it
 * listens on this machine only unless {@code BIND_ADDRESS} opens it on purpose.
 */
class SimBindAddressTest {

  @Test
  void listensOnLoopbackByDefault() {
    assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
    try (SmartcarApiSim sim = SmartcarApiSim.start(SimConfig.fromEnv(Map.of("SIM_PORT", "0")))) {
      assertThat(ListeningSockets.onPort(sim.port()))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l.address().isLoopbackAddress()).isTrue());
    }
  }

  @Test
  void theOneSettingOpensEveryInterface() {
    assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
    SimConfig config = SimConfig.fromEnv(Map.of("SIM_PORT", "0", "BIND_ADDRESS", "0.0.0.0"));
    try (SmartcarApiSim sim = SmartcarApiSim.start(config)) {
      assertThat(ListeningSockets.onPort(sim.port()))
          .extracting(l -> l.address().isAnyLocalAddress())
          .containsExactly(true);
    }
  }
}
