package io.smartcarpipeline.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

  @Test
  void decodesTheKernelsLittleEndianWords() throws Exception {
    assertThat(ListeningSockets.address("0100007F")).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(ListeningSockets.address("00000000")).isEqualTo(InetAddress.getByName("0.0.0.0"));
    assertThat(ListeningSockets.address("00000000000000000000000001000000"))
        .isEqualTo(InetAddress.getByName("::1"));
  }

  @Test
  void findsThisProcessesListenerWithItsBoundAddress() throws Exception {
    assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");
    try (ServerSocket loopback = new ServerSocket();
        ServerSocket everywhere = new ServerSocket()) {
      loopback.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      everywhere.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));

      assertThat(ListeningSockets.onPort(loopback.getLocalPort()))
          .extracting(l -> l.address().getHostAddress())
          .containsExactly("127.0.0.1");
      assertThat(ListeningSockets.onPort(everywhere.getLocalPort()))
          .extracting(l -> l.address().isAnyLocalAddress())
          .containsExactly(true);
    }
  }
}
