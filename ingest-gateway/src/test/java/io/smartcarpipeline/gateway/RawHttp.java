package io.smartcarpipeline.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client cannot send: broken chunking, bad
 * request lines, huge headers, slow clients. Reads the first answer (or sees the connection closed
 * without one).
 */
final class RawHttp implements AutoCloseable {

  /** The first answer on a connection: its status and body, or none when it was closed first. */
  record Answer(int status, String body, boolean closed) {
    static final Answer CLOSED = new Answer(-1, "", true);

    boolean answered() {
      return status > 0;
    }
  }

  private final Socket socket;

  RawHttp(int port) {
    try {
      socket = new Socket("localhost", port);
      socket.setSoTimeout(20_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code bytes} and reads the answer (one connection, one exchange). */
  static Answer exchange(int port, byte[] bytes) {
    try (RawHttp http = new RawHttp(port)) {
      http.send(bytes);
      return http.answer(Duration.ofSeconds(20));
    }
  }

  static Answer exchange(int port, String text) {
    return exchange(port, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Writes bytes; a connection the server already closed is not an error here. */
  RawHttp send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException closedByServer) {
      // the answer (or the close) tells what happened
    }
    return this;
  }

  RawHttp send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads one answer, waiting at most {@code timeout}; CLOSED if the server closed first. */
  Answer answer(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return Answer.CLOSED;
      }
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      int length = contentLength(lines).orElse(0);
      byte[] body = in.readNBytes(length);
      return new Answer(status, new String(body, StandardCharsets.UTF_8), false);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer and no close within " + timeout, e);
    } catch (IOException reset) {
      return Answer.CLOSED;
    }
  }

  /** Whether the server closes the connection within {@code timeout} (reading and dropping). */
  boolean closedWithin(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // an answer before the close is fine
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static Optional<Integer> contentLength(String[] lines) {
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        return Optional.of(Integer.parseInt(line.substring(15).trim()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket the server may already have closed
    }
  }
}
