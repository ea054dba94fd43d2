package io.smartcarpipeline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Schema Registry client over the Confluent REST API, using only its documented endpoints so it
 * works against Confluent Schema Registry, Apicurio (ccompat), Karapace, Redpanda and our embedded
 * registry. Ids and registrations are cached; failures become a {@link SerializationException} that
 * says which registry, which subject or id, and which setting to check ({@link RegistryFailures}).
 *
 * <p>TLS comes from {@link RegistryTlsConfig}: its stores are opened in the constructor, so a bad
 * store fails at configuration time.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> baseUrls;
  private final Optional<String> authorization;
  private final AvroSerdeConfig config;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(AvroSerdeConfig config) {
    this.config = config;
    this.baseUrls = config.registryUrls();
    this.authorization =
        config
            .userInfo()
            .map(
                u ->
                    "Basic "
                        + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
    if (!config.tls().isDefault()) {
      builder.sslContext(config.tls().sslContext());
    }
    this.http = builder.build();
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        k -> {
          JsonNode body = call("POST", "/subjects/" + encode(subject) + "/versions", schema);
          int id = body.path("id").asInt(-1);
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public int lookup(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        k -> {
          JsonNode body = call("POST", "/subjects/" + encode(subject), schema);
          int id = body.path("id").asInt(-1);
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode body = call("GET", "/subjects/" + encode(subject) + "/versions/latest", (String) null);
    Schema schema = parse(body.path("schema").asText(), "subject " + subject);
    int id = body.path("id").asInt(-1);
    // the schema already cached under this id is the same schema: use that one instance
    Schema cached = schemasById.computeIfAbsent(id, k -> schema);
    return new RegisteredSchema(subject, body.path("version").asInt(-1), id, cached);
  }

  @Override
  public Schema byId(int id) {
    return schemasById.computeIfAbsent(
        id,
        k -> {
          JsonNode body = call("GET", "/schemas/ids/" + id, (String) null);
          return parse(body.path("schema").asText(), "schema id " + id);
        });
  }

  /**
   * {@code GET /config/{subject}}: the compatibility level set on the subject itself; empty when it
   * has none of its own (error 40408) and follows the registry's global level.
   */
  public Optional<String> compatibility(String subject) {
    try {
      JsonNode body = call("GET", "/config/" + encode(subject), (String) null);
      return Optional.of(body.path("compatibilityLevel").asText());
    } catch (SubjectConfigMissing e) {
      return Optional.empty();
    }
  }

  /** {@code PUT /config/{subject}}: sets the subject's compatibility level. */
  public void setCompatibility(String subject, String level) {
    call(
        "PUT",
        "/config/" + encode(subject),
        JSON.createObjectNode().put("compatibility", level).toString());
  }

  private JsonNode call(String method, String path, Schema schema) {
    return call(
        method,
        path,
        schema == null
            ? null
            : JSON.createObjectNode().put("schema", schema.toString()).toString());
  }

  private JsonNode call(String method, String path, String body) {
    SerializationException last = null;
    for (URI base : baseUrls) {
      try {
        return callOnce(base, method, path, body);
      } catch (RegistryUnreachable e) {
        last = e.exception;
      }
    }
    throw last;
  }

  private JsonNode callOnce(URI base, String method, String path, String body) {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).header("Accept", CONTENT_TYPE);
    authorization.ifPresent(a -> request.header("Authorization", a));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RegistryUnreachable(RegistryFailures.unreachable(base, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SerializationException("Interrupted while calling the schema registry", e);
    }
    return readAnswer(uri, method, response);
  }

  private JsonNode readAnswer(URI uri, String method, HttpResponse<String> response) {
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw RegistryFailures.refusedCredentials(uri, method, response, config.userInfo());
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    } catch (IOException e) {
      throw new SerializationException(
          "Schema registry answered " + method + " " + uri + " with non-JSON: " + response.body());
    }
    if (response.statusCode() / 100 == 2) {
      return body;
    }
    if (response.statusCode() == 404 && body.path("error_code").asInt() == 40408) {
      throw new SubjectConfigMissing();
    }
    throw new SerializationException(
        "Schema registry refused "
            + method
            + " "
            + uri
            + ": HTTP "
            + response.statusCode()
            + ", error_code "
            + body.path("error_code").asText("?")
            + ": "
            + body.path("message").asText(response.body())
            + RegistryFailures.hint(response.statusCode(), body.path("error_code").asInt()));
  }

  private static Schema parse(String text, String what) {
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw new SerializationException(
          "Schema registry returned an unparsable schema for " + what, e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The subject has no compatibility level of its own (40408). */
  private static final class SubjectConfigMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SubjectConfigMissing() {
      super("no subject-level compatibility", null, false, false);
    }
  }

  private record SubjectSchema(String subject, Schema schema) {}

  /** A connection failure, so that the next configured URL is tried. */
  private static final class RegistryUnreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SerializationException exception;

    RegistryUnreachable(SerializationException exception) {
      super(exception.getMessage(), exception, false, false);
      this.exception = exception;
    }
  }
}
