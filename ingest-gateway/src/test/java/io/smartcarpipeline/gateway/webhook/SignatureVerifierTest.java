package io.smartcarpipeline.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.gateway.Fixtures;
import io.smartcarpipeline.gateway.webhook.SignatureVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

  private static final String TOKEN = "amt-current-0123456789";
  private static final String OLD_TOKEN = "amt-previous-9876543210";
  private final byte[] body = Fixtures.bytes("vw_id_4_all.json");

  private final SignatureVerifier verifier = new SignatureVerifier(TOKEN, Optional.of(OLD_TOKEN));

  @Test
  void bodySignedWithTheCurrentTokenIsAccepted() {
    assertThat(verifier.verify(body, SignatureVerifier.sign(TOKEN, body)))
        .isEqualTo(Verdict.CURRENT_KEY);
  }

  @Test
  void bodySignedWithThePreviousTokenIsAcceptedDuringRotation() {
    assertThat(verifier.verify(body, SignatureVerifier.sign(OLD_TOKEN, body)))
        .isEqualTo(Verdict.PREVIOUS_KEY);
  }

  @Test
  void previousTokenIsRejectedOnceRotationIsOver() {
    SignatureVerifier afterRotation = new SignatureVerifier(TOKEN, Optional.empty());

    assertThat(afterRotation.verify(body, SignatureVerifier.sign(OLD_TOKEN, body)))
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void tamperedBodyIsRejected() {
    String signature = SignatureVerifier.sign(TOKEN, body);
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[tampered.length / 2] ^= 1;

    assertThat(verifier.verify(tampered, signature)).isEqualTo(Verdict.INVALID);
  }

  @Test
  void wrongKeyIsRejected() {
    assertThat(verifier.verify(body, SignatureVerifier.sign("someone-else", body)))
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void signatureOfReserialisedJsonDoesNotMatchTheRawBytes() {
    // the fixture is pretty-printed; a sender hashing compact JSON signed different bytes
    byte[] compact =
        new String(body, StandardCharsets.UTF_8)
            .replaceAll("\\s+", "")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(body, SignatureVerifier.sign(TOKEN, compact)))
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void missingHeaderIsReportedAsMissing() {
    assertThat(verifier.verify(body, null)).isEqualTo(Verdict.MISSING);
    assertThat(verifier.verify(body, " ")).isEqualTo(Verdict.MISSING);
  }

  @Test
  void headerThatIsNotHexIsInvalid() {
    assertThat(verifier.verify(body, "not-hex!")).isEqualTo(Verdict.INVALID);
    assertThat(verifier.verify(body, "abc")).isEqualTo(Verdict.INVALID);
  }

  @Test
  void upperCaseHexIsAccepted() {
    String upper = SignatureVerifier.sign(TOKEN, body).toUpperCase(Locale.ROOT);

    assertThat(verifier.verify(body, upper)).isEqualTo(Verdict.CURRENT_KEY);
  }

  @Test
  void challengeAnswerIsLowercaseHexHmacOfTheChallenge() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    SignatureVerifier jefe = new SignatureVerifier("Jefe", Optional.empty());

    assertThat(jefe.answerChallenge("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void aVerifierReusedAcrossDeliveriesAndThreadsJudgesEachBodyOnItsOwn() throws Exception {
    byte[] other = Fixtures.bytes("vw_id_4_fuel.json");
    String bodySignature = SignatureVerifier.sign(TOKEN, body);
    String otherSignature = SignatureVerifier.sign(OLD_TOKEN, other);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(
            pool.submit(
                () ->
                    verifier.verify(body, bodySignature) == Verdict.CURRENT_KEY
                        && verifier.verify(other, bodySignature) == Verdict.INVALID
                        && verifier.verify(other, otherSignature) == Verdict.PREVIOUS_KEY
                        && verifier.verify(body, bodySignature) == Verdict.CURRENT_KEY));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
