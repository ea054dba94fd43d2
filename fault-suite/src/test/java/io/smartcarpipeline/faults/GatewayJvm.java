package io.smartcarpipeline.faults;

import io.smartcarpipeline.gateway.GatewayApp;
import java.util.HashMap;
import java.util.Map;

/** The ingest gateway's settings for a child JVM of the fault suite. */
final class GatewayJvm {

  static final String TOKEN = "fault-suite-management-token";

  private GatewayJvm() {}

  /** A gateway on a free port against this broker and registry; not started. */
  static ServiceJvm of(String bootstrapServers, String registryUrl, Map<String, String> extra) {
    int port = ServiceJvm.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("SCHEMA_REGISTRY_URL", registryUrl);
    env.put("SMARTCAR_MANAGEMENT_TOKEN", TOKEN);
    env.put("GATEWAY_PORT", String.valueOf(port));
    env.put("GATEWAY_INSTANCES", "2");
    env.putAll(extra);
    return ServiceJvm.of(GatewayApp.class, env, port);
  }
}
