package io.smartcarpipeline.support.config;

import java.util.regex.Pattern;

/**
 * The one setting that decides which network interface every HTTP server of a process listens on:
 * {@value #KEY}. The default is {@value #LOOPBACK}, this machine only, so a demo or a service run
 * on a laptop is not reachable from the network it sits on. The container image and the manifests
 * set {@value #ALL} explicitly; a developer who wants a demo reachable from elsewhere sets it on
 * purpose.
 */
public final class BindAddress {

  /** The setting's name. */
  public static final String KEY = "BIND_ADDRESS";

  /** This machine only: the default. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Every interface (containers, manifests). */
  public static final String ALL = "0.0.0.0";

  // an IPv4 or IPv6 literal, or a host name: no spaces, ports, schemes or lists
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.\\-]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private BindAddress() {}

  /** The address to listen on, {@value #LOOPBACK} when not set; fails naming {@value #KEY}. */
  public static String from(Settings settings) {
    String value = settings.find(KEY).orElse(LOOPBACK);
    if (!ADDRESS.matcher(value).matches()) {
      throw new ConfigException(
          KEY,
          "expected one address to listen on, got '"
              + value
              + "': "
              + LOOPBACK
              + " (this machine only, the default), "
              + ALL
              + " (every interface) or the address of one interface");
    }
    return value;
  }

  /**
   * Whether a server bound to {@code address} is reached through {@code localhost} (loopback, or
   * every interface), as the parts of one process that call each other by {@code localhost} need.
   */
  public static boolean reachableAsLocalhost(String address) {
    return address.equals("localhost")
        || address.startsWith("127.")
        || address.equals("::1")
        || address.equals(ALL)
        || address.equals("::");
  }
}
