package io.smartcarpipeline.localstack;

import io.smartcarpipeline.localstack.tls.KeyStoreFile;
import java.util.Objects;

/**
 * How a secured {@link EmbeddedKafkaBroker} exposes its client listener: SASL_SSL with
 * SCRAM-SHA-512, TLS from the key store, and one SCRAM user written into the cluster's metadata
 * when the storage is formatted. {@link #toString()} leaves the password out.
 *
 * @param keystore the server's key and certificate chain
 * @param username the SCRAM user clients log in as
 * @param password that user's password
 */
public record BrokerSecurity(KeyStoreFile keystore, String username, String password) {

  /** The only SASL mechanism the secured listener enables. */
  public static final String SASL_MECHANISM = "SCRAM-SHA-512";

  public BrokerSecurity {
    Objects.requireNonNull(keystore, "keystore");
    if (username == null || username.isBlank() || password == null || password.isBlank()) {
      throw new IllegalArgumentException("a SCRAM user needs a name and a password");
    }
    if ((username + password).matches(".*[,=\\[\\]\"].*")) {
      throw new IllegalArgumentException("SCRAM user and password must not contain , = [ ] or \"");
    }
  }

  /** {@code sasl.jaas.config} for a client logging in as this user. */
  public String clientJaasConfig() {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + username
        + "\" password=\""
        + password
        + "\";";
  }

  @Override
  public String toString() {
    return "BrokerSecurity[keystore="
        + keystore
        + ", username="
        + username
        + ", password=(hidden)]";
  }
}
