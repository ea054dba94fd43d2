package io.smartcarpipeline.localstack.registry;

import io.smartcarpipeline.localstack.tls.KeyStoreFile;
import java.util.Optional;

/**
 * How the embedded registry guards itself: HTTPS from a key store, HTTP basic auth with one user,
 * each optional. {@link #toString()} leaves the password out.
 *
 * @param keystore the server key and certificate for HTTPS, or empty for plain HTTP
 * @param basicAuth the one user allowed in, or empty for no authentication
 * @param clientCertificates when present (with HTTPS), a trust store every client must present a
 *     certificate of (mTLS)
 */
public record RegistrySecurity(
    Optional<KeyStoreFile> keystore,
    Optional<Credentials> basicAuth,
    Optional<KeyStoreFile> clientCertificates) {

  /** Plain HTTP, no authentication: the default. */
  public static RegistrySecurity none() {
    return new RegistrySecurity(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** HTTPS with this key store. */
  public RegistrySecurity withHttps(KeyStoreFile keystore) {
    return new RegistrySecurity(Optional.of(keystore), basicAuth, clientCertificates);
  }

  /** Basic auth with this user; health endpoints stay open for probes. */
  public RegistrySecurity withBasicAuth(String username, String password) {
    return new RegistrySecurity(
        keystore, Optional.of(new Credentials(username, password)), clientCertificates);
  }

  /** Requires a client certificate that this trust store's CAs signed (needs HTTPS). */
  public RegistrySecurity withClientCertificatesFrom(KeyStoreFile truststore) {
    return new RegistrySecurity(keystore, basicAuth, Optional.of(truststore));
  }

  /** A user name and password; {@link #toString()} leaves the password out. */
  public record Credentials(String username, String password) {

    public Credentials {
      if (username == null || username.isEmpty() || username.contains(":")) {
        throw new IllegalArgumentException("a basic-auth user name is non-empty, without ':'");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("a basic-auth password is non-empty");
      }
    }

    /** {@code user:password}, the form of Confluent's {@code basic.auth.user.info}. */
    public String userInfo() {
      return username + ":" + password;
    }

    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=(hidden)]";
    }
  }
}
