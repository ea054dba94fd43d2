package io.smartcarpipeline.schemas.asyncapi;

import io.smartcarpipeline.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates {@code docs/asyncapi.yaml}: {@code ./mvnw -B -q -pl schemas -am -Pasyncapi
 * process-test-classes} (the profile runs this main with the test class path).
 */
public final class AsyncApiWriter {

  private AsyncApiWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: AsyncApiWriter <path of asyncapi.yaml>");
    }
    Path target = Path.of(args[0]).toAbsolutePath().normalize();
    Files.writeString(target, AsyncApiGenerator.yaml(Topics.all()), StandardCharsets.UTF_8);
    System.out.println("asyncapi_written path=" + target);
  }
}
