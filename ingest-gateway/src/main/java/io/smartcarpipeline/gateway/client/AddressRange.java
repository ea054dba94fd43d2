package io.smartcarpipeline.gateway.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One IP address or CIDR block ({@code 203.0.113.7}, {@code 203.0.113.0/24}, {@code
 * 2001:db8::/32}). Rule: only address literals are accepted, never host names, so parsing never
 * waits on DNS and a setting cannot silently change meaning with a DNS record.
 */
public final class AddressRange {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int prefix;
  private final String text;

  private AddressRange(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /** Parses {@code address} or {@code address/prefix}; fails saying what is expected. */
  public static AddressRange parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(expected(text)));
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(expected(text), e);
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException(expected(text));
      }
    }
    return new AddressRange(mask(bytes, prefix), prefix, t);
  }

  /** Whether {@code address} (a literal, as Vert.x reports a peer) lies in this range. */
  public boolean contains(String address) {
    return literal(address)
        .map(b -> b.length == network.length && Arrays.equals(mask(b, prefix), network))
        .orElse(false);
  }

  @Override
  public String toString() {
    return text;
  }

  /** The address's bytes, IPv4-mapped IPv6 addresses as IPv4; empty if not a literal. */
  static java.util.Optional<byte[]> literal(String address) {
    String a = address.trim();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (!IPV4.matcher(a).matches() && !IPV6.matcher(a).matches()) {
      return java.util.Optional.empty();
    }
    try {
      // a literal: InetAddress parses it without a name lookup
      return java.util.Optional.of(InetAddress.getByName(a).getAddress());
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  private static String expected(String text) {
    return "expected an IP address or CIDR block (203.0.113.7, 203.0.113.0/24, 2001:db8::/32),"
        + " got '"
        + text
        + "'";
  }
}
