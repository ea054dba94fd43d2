package io.smartcarpipeline.serde;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one place that words the registry client's failures: each message says which registry and
 * names the setting to check, and none carries a password.
 */
final class RegistryFailures {

  private RegistryFailures() {}

  /** A call that got no HTTP answer: a TLS handshake failure, or no connection at all. */
  static SerializationException unreachable(URI base, IOException e) {
    if (e instanceof SSLHandshakeException handshake) {
      return untrusted(base, handshake);
    }
    return new SerializationException(
        "Schema registry at "
            + base
            + " is unreachable ("
            + e
            + "); check schema.registry.url / SCHEMA_REGISTRY_URL and that the registry is up"
            + ("http".equals(base.getScheme()) && !(e instanceof ConnectException)
                ? " (if it serves HTTPS, the URL must start with https://)"
                : ""),
        e);
  }

  /**
   * A failed TLS handshake: names the key store when the registry refused this client's certificate
   * (mTLS), the hostname check on a name mismatch, else the trust store.
   */
  static SerializationException untrusted(URI base, SSLHandshakeException e) {
    StringBuilder causes = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      causes.append(' ').append(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT));
    }
    String text = causes.toString();
    String advice;
    if (text.contains("bad_certificate") || text.contains("certificate_required")) {
      advice =
          "the registry refused this client's certificate or got none: set "
              + RegistryTlsConfig.KEYSTORE_LOCATION
              + " (and "
              + RegistryTlsConfig.KEYSTORE_PASSWORD
              + ") to a key store with a certificate the registry trusts";
    } else if (text.contains("matching")) {
      advice =
          "its certificate is not for this host name: use a URL with a name the certificate"
              + " holds, or set "
              + RegistryTlsConfig.ENDPOINT_IDENTIFICATION_ALGORITHM
              + " empty to skip the check";
    } else {
      advice =
          "set "
              + RegistryTlsConfig.TRUSTSTORE_LOCATION
              + " (and "
              + RegistryTlsConfig.TRUSTSTORE_PASSWORD
              + ") to a trust store holding the CA that signed the registry's certificate";
    }
    return new SerializationException(
        "TLS handshake with the schema registry at " + base + " failed (" + e + "): " + advice, e);
  }

  /** A 401 or 403: names basic.auth.user.info, or says to set it when no credentials were sent. */
  static SerializationException refusedCredentials(
      URI uri, String method, HttpResponse<String> response, Optional<String> userInfo) {
    String what =
        userInfo.isPresent()
            ? "refused the credentials in "
                + AvroSerdeConfig.BASIC_AUTH_USER_INFO
                + " (user '"
                + userInfo.map(u -> u.substring(0, u.indexOf(':'))).orElse("")
                + "')"
            : "requires credentials: set "
                + AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                + "=USER_INFO and "
                + AvroSerdeConfig.BASIC_AUTH_USER_INFO
                + "=user:password";
    return new SerializationException(
        "Schema registry at "
            + uri.getScheme()
            + "://"
            + uri.getAuthority()
            + " "
            + what
            + ": HTTP "
            + response.statusCode()
            + " to "
            + method
            + " "
            + uri.getPath()
            + ", "
            + response.body());
  }

  /** What to check after a refusal other than credentials, or empty. */
  static String hint(int status, int errorCode) {
    if (status == 409) {
      return " (the schema is not compatible with the subject's earlier versions under its"
          + " compatibility level)";
    }
    if (errorCode == 40401 || errorCode == 40403) {
      return " (not registered: enable auto.register.schemas or register it first)";
    }
    return "";
  }
}
