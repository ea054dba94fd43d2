package io.smartcarpipeline.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.localstack.registry.RegistryHttp.Answer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Assertions on registry answers, and unique subject names for tests sharing one registry. */
final class RegistryAssertions {

  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  private RegistryAssertions() {}

  static int idOf(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.object().getInteger("id");
  }

  static void assertError(Answer answer, int status, int errorCode, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.object().getInteger("error_code")).isEqualTo(errorCode);
    assertThat(answer.object().getString("message")).isNotBlank();
    if (message != null) {
      assertThat(answer.object().getString("message")).isEqualTo(message);
    }
    assertThat(List.copyOf(answer.object().fieldNames()))
        .containsExactlyInAnyOrder("error_code", "message");
  }

  static String newSubject() {
    return "registry-it-" + SUBJECTS.incrementAndGet() + "-value";
  }
}
