package io.smartcarpipeline.support.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a setting may be printed. A setting whose name says it holds a
 * secret (a password, a secret, a token, a JAAS line, basic-auth user info, a private key) is shown
 * as {@value #HIDDEN}; a URL keeps its scheme, host and path but loses any {@code user:password@}.
 * Everything that prints settings (start-up lines, error messages, {@code toString}) goes through
 * here.
 */
public final class Redaction {

  /** What a secret value is printed as. */
  public static final String HIDDEN = "[hidden]";

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "password|secret|token|jaas|user[._]?info|private|keystore[._]key|credentials[._]json"
              + "|api[._]?key");
  private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

  private Redaction() {}

  /** Whether a setting of this name holds a secret ({@code KAFKA_SASL_JAAS_CONFIG}: yes). */
  public static boolean isSecret(String name) {
    return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  /** The value as it may be printed under this name. */
  public static String value(String name, Object value) {
    if (value == null) {
      return "null";
    }
    if (isSecret(name)) {
      return HIDDEN;
    }
    return url(value.toString());
  }

  /** {@code https://user:pw@host/x} → {@code https://[hidden]@host/x}; other text unchanged. */
  public static String url(String text) {
    return URL_USER_INFO.matcher(text).replaceAll(HIDDEN + "@");
  }

  /** A printable copy of {@code settings}, secrets hidden, in the same order. */
  public static Map<String, String> map(Map<String, ?> settings) {
    Map<String, String> out = new LinkedHashMap<>();
    settings.forEach((k, v) -> out.put(k, value(k, v)));
    return out;
  }
}
