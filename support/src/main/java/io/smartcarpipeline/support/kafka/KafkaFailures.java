package io.smartcarpipeline.support.kafka;

import io.smartcarpipeline.support.config.ConfigException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Turns a failure of a service's first Kafka call into a message an operator can act on, naming the
 * setting to check: refused credentials name {@code KAFKA_SASL_JAAS_CONFIG}, a failed TLS handshake
 * names {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, a broker that never answers names {@code
 * KAFKA_BOOTSTRAP_SERVERS} (and {@code KAFKA_SECURITY_PROTOCOL}, since a TLS listener spoken to in
 * plain text looks the same).
 */
public final class KafkaFailures {

  private KafkaFailures() {}

  /** The exception to stop the service with, for a failure of {@code what} (a verb phrase). */
  public static RuntimeException explain(Throwable failure, String what, Duration timeout) {
    Throwable cause =
        failure instanceof ExecutionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof SaslAuthenticationException) {
      return new ConfigException(
          "KAFKA_SASL_JAAS_CONFIG",
          "Kafka refused the credentials while trying to "
              + what
              + " ("
              + cause.getMessage()
              + "); check the user and password in KAFKA_SASL_JAAS_CONFIG and KAFKA_SASL_MECHANISM");
    }
    if (cause instanceof SslAuthenticationException) {
      return new ConfigException(
          "KAFKA_SSL_TRUSTSTORE_LOCATION",
          "the TLS handshake with Kafka failed while trying to "
              + what
              + " ("
              + rootMessage(cause)
              + "); check that KAFKA_SSL_TRUSTSTORE_LOCATION holds the CA that signed the"
              + " brokers' certificates, and KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
    }
    if (cause instanceof AuthorizationException) {
      return new IllegalStateException(
          "Kafka denied the operation while trying to "
              + what
              + ": "
              + cause.getMessage()
              + " (grant this service's principal the ACLs listed in deploy/README.md)",
          cause);
    }
    // a wait of ours that ran out says why (e.g. "no leader"); a Kafka call that never got an
    // answer times out with no message of its own, or with Kafka's TimeoutException
    boolean noAnswer =
        (failure instanceof TimeoutException && failure.getMessage() == null)
            || cause instanceof org.apache.kafka.common.errors.TimeoutException;
    if (noAnswer) {
      return new ConfigException(
          "KAFKA_BOOTSTRAP_SERVERS",
          "no answer from Kafka within "
              + timeout
              + " while trying to "
              + what
              + "; check KAFKA_BOOTSTRAP_SERVERS, that the broker is up, and that"
              + " KAFKA_SECURITY_PROTOCOL matches the listener (SSL/SASL_SSL listeners do not answer"
              + " plain-text clients)");
    }
    return new IllegalStateException(
        "Could not " + what + " on Kafka: " + cause.getMessage(), cause);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
