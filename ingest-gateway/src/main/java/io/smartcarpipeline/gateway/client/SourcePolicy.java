package io.smartcarpipeline.gateway.client;

import io.smartcarpipeline.support.config.ConfigException;
import io.smartcarpipeline.support.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may call the webhook endpoint and how a client is told apart, for the one port on the
 * internet. Rules: with no allow-list every source may deliver; {@code X-Forwarded-For} is believed
 * only when the peer is a configured trusted proxy, and then its right-most entry that is not
 * itself a trusted proxy is the client (entries further left are whatever the client wrote).
 *
 * @param allowedSources {@value #ALLOWED_SOURCES}: addresses or CIDR blocks that may POST webhooks
 *     (e.g. Smartcar's egress addresses); empty = every source
 * @param trustedProxies {@value #TRUSTED_PROXIES}: the load balancers or ingress in front of the
 *     gateway whose {@code X-Forwarded-For} is believed; empty = the header is ignored
 * @param signatureFailuresPerMinute {@value #SIGNATURE_FAILURES_PER_MINUTE}: requests failing the
 *     signature check one client may make per minute before further failing ones get 429 and their
 *     connection closed; 0 = no limit. A validly signed delivery is never refused by it.
 */
public record SourcePolicy(
    List<AddressRange> allowedSources,
    List<AddressRange> trustedProxies,
    int signatureFailuresPerMinute) {

  public static final String ALLOWED_SOURCES = "GATEWAY_ALLOWED_SOURCES";
  public static final String TRUSTED_PROXIES = "GATEWAY_TRUSTED_PROXIES";
  public static final String SIGNATURE_FAILURES_PER_MINUTE =
      "GATEWAY_SIGNATURE_FAILURES_PER_MINUTE";

  /** Open to every source, no proxy trusted, no limit. */
  public static final Map<String, String> DEFAULTS = Map.of(SIGNATURE_FAILURES_PER_MINUTE, "0");

  public SourcePolicy {
    allowedSources = List.copyOf(allowedSources);
    trustedProxies = List.copyOf(trustedProxies);
    if (signatureFailuresPerMinute < 0) {
      throw new ConfigException(SIGNATURE_FAILURES_PER_MINUTE, "must be 0 (no limit) or more");
    }
  }

  /** Every source, no proxy, no limit. */
  public static SourcePolicy open() {
    return new SourcePolicy(List.of(), List.of(), 0);
  }

  public static SourcePolicy from(Settings settings) {
    Settings s = Settings.of(DEFAULTS).with(settings.asMap());
    return new SourcePolicy(
        ranges(s, ALLOWED_SOURCES),
        ranges(s, TRUSTED_PROXIES),
        s.intValue(SIGNATURE_FAILURES_PER_MINUTE));
  }

  /** Whether {@code client} may deliver webhooks. */
  public boolean allows(String client) {
    return allowedSources.isEmpty() || allowedSources.stream().anyMatch(r -> r.contains(client));
  }

  /**
   * The client's address: the peer's, or, when the peer is a trusted proxy, the right-most address
   * of {@code forwardedFor} that is not a trusted proxy.
   */
  public String client(String peer, String forwardedFor) {
    if (forwardedFor == null || !trusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (hop.isEmpty()) {
        continue;
      }
      if (AddressRange.literal(hop).isEmpty()) {
        return hop; // not an address: never matches the allow-list, still one client for the limit
      }
      if (!trusted(hop)) {
        return hop;
      }
    }
    return peer;
  }

  private boolean trusted(String address) {
    return trustedProxies.stream().anyMatch(r -> r.contains(address));
  }

  private static List<AddressRange> ranges(Settings s, String key) {
    List<AddressRange> out = new ArrayList<>();
    for (String part : s.find(key).orElse("").split(",")) {
      if (!part.isBlank()) {
        try {
          out.add(AddressRange.parse(part));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(key, e.getMessage());
        }
      }
    }
    return out;
  }
}
