package io.smartcarpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Free ports and temporary directories of the local stack, made and removed in one place. */
final class LocalResources {

  private static final Logger log = LoggerFactory.getLogger(LocalResources.class);

  private LocalResources() {}

  /** A port free at the moment of the call. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** A new temporary directory whose name starts with prefix. */
  static Path createTempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  /** Deletes dir and everything in it; a failure is logged, not thrown (it runs on close). */
  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  log.warn("temporary_file_not_deleted path={} reason={}", path, e.toString());
                }
              });
    } catch (IOException e) {
      log.warn("temporary_dir_not_deleted dir={} reason={}", dir, e.toString());
    }
  }
}
