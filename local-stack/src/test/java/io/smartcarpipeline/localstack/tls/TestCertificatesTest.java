package io.smartcarpipeline.localstack.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated stores: a server chain its own CA's trust store accepts and another CA's not. */
class TestCertificatesTest {

  @TempDir Path dir;

  @Test
  void serverChainIsTrustedByItsTrustStoreAndNamesLocalhostAndLoopback() throws Exception {
    TestCertificates certificates = TestCertificates.generate(dir.resolve("a"));

    X509Certificate[] chain = serverChain(certificates.serverKeystore());

    assertThatCode(
            () -> trustManager(certificates.truststore()).checkServerTrusted(chain, "ECDHE_ECDSA"))
        .doesNotThrowAnyException();
    List<String> names =
        chain[0].getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList();
    assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1");
    assertThat(Files.readString(certificates.caCertificatePem()))
        .startsWith("-----BEGIN CERTIFICATE");
  }

  @Test
  void anotherGenerationIsAnUnrelatedAuthority() throws Exception {
    TestCertificates server = TestCertificates.generate(dir.resolve("server"));
    TestCertificates other = TestCertificates.generate(dir.resolve("other"));

    X509Certificate[] chain = serverChain(server.serverKeystore());

    assertThatThrownBy(
            () -> trustManager(other.truststore()).checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class);
    assertThat(other.truststore().password()).isNotEqualTo(server.truststore().password());
  }

  @Test
  void passwordsAreNotPrinted() {
    TestCertificates certificates = TestCertificates.generate(dir, List.of("registry.invalid"));

    assertThat(certificates.truststore().toString())
        .doesNotContain(certificates.truststore().password());
  }

  private static X509Certificate[] serverChain(KeyStoreFile keystore) throws Exception {
    KeyStore store = load(keystore);
    return Arrays.stream(store.getCertificateChain("server"))
        .map(X509Certificate.class::cast)
        .toArray(X509Certificate[]::new);
  }

  private static X509TrustManager trustManager(KeyStoreFile truststore) throws Exception {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(load(truststore));
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  private static KeyStore load(KeyStoreFile file) throws Exception {
    KeyStore store = KeyStore.getInstance(file.type());
    try (InputStream in = Files.newInputStream(file.location())) {
      store.load(in, file.password().toCharArray());
    }
    return store;
  }
}
