package io.smartcarpipeline.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets this JVM listens on, with the address each is bound to, read from Linux's {@code
 * /proc/net/tcp} and {@code /proc/net/tcp6} and matched to this process through the socket inodes
 * of {@code /proc/self/fd}. Tests use it to check what listens where ("only on 127.0.0.1").
 */
public final class ListeningSockets {

  private static final String LISTEN = "0A";

  /** One listening socket: its local address and port. */
  public record Listener(InetAddress address, int port) {
    @Override
    public String toString() {
      return address.getHostAddress() + ":" + port;
    }
  }

  private ListeningSockets() {}

  /** Whether this machine exposes {@code /proc/net/tcp} (Linux); the tests assume it. */
  public static boolean available() {
    return Files.isReadable(Path.of("/proc/net/tcp"))
        && Files.isDirectory(Path.of("/proc/self/fd"));
  }

  /** Every socket of this process in the LISTEN state. */
  public static List<Listener> ofThisProcess() {
    Set<String> inodes = socketInodes();
    List<Listener> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      for (String line : lines(path)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[3].equals(LISTEN) || !inodes.contains(f[9])) {
          continue;
        }
        String[] addressAndPort = f[1].split(":");
        out.add(new Listener(address(addressAndPort[0]), Integer.parseInt(addressAndPort[1], 16)));
      }
    }
    return out;
  }

  /** The listeners of this process on {@code port}. */
  public static List<Listener> onPort(int port) {
    return ofThisProcess().stream().filter(l -> l.port() == port).toList();
  }

  private static Set<String> socketInodes() {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(
          fd -> {
            try {
              String target = Files.readSymbolicLink(fd).toString();
              if (target.startsWith("socket:[")) {
                inodes.add(target.substring("socket:[".length(), target.length() - 1));
              }
            } catch (IOException e) {
              // closed between listing and reading: not a listener of interest
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inodes;
  }

  private static List<String> lines(Path path) {
    try {
      List<String> all = Files.readAllLines(path);
      return all.subList(1, all.size()); // a header line first
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
  static InetAddress address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + (3 - i)) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + hex, e);
    }
  }
}
