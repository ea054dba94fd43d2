package io.smartcarpipeline.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to {@code System.out} and {@code System.err} (our prints and the
 * console log appender, which writes through them) while it runs, still passing it on.
 */
final class ConsoleCapture {

  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
  private PrintStream out;
  private PrintStream err;

  synchronized void start() {
    out = System.out;
    err = System.err;
    System.setOut(tee(out));
    System.setErr(tee(err));
  }

  synchronized void stop() {
    if (out != null) {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** What was written so far. */
  String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (copy) {
              copy.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (copy) {
              copy.write(b, off, len);
            }
            original.write(b, off, len);
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }
}
