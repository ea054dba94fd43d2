package io.smartcarpipeline.localstack.registry;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over {@link SchemaRegistryService}: one named handler per
 * endpoint, JSON in and out as {@code application/vnd.schemaregistry.v1+json}, every failure
 * answered with Confluent's {@code {"error_code", "message"}} body. With basic auth on, only the
 * health endpoints answer without credentials.
 */
final class RegistryRoutes {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger log = LoggerFactory.getLogger(RegistryRoutes.class);

  private final SchemaRegistryService service;
  private final RegistryState state;

  private RegistryRoutes(SchemaRegistryService service) {
    this.service = service;
    this.state = service.state();
  }

  static Router router(
      Vertx vertx,
      SchemaRegistryService service,
      Optional<RegistrySecurity.Credentials> basicAuth) {
    RegistryRoutes routes = new RegistryRoutes(service);
    Router router = Router.router(vertx);
    // probes stay open; everything after the guard needs the credentials
    router.get("/health/live").handler(RegistryRoutes::healthy);
    router.get("/health/ready").handler(RegistryRoutes::healthy);
    basicAuth.ifPresent(credentials -> router.route().handler(new BasicAuthGuard(credentials)));
    router.route().handler(BodyHandler.create().setBodyLimit(4 * 1024 * 1024));
    router.get("/").handler(ctx -> respond(ctx, 200, new JsonObject()));
    router.get("/schemas/types").handler(ctx -> respond(ctx, 200, new JsonArray().add("AVRO")));
    router.get("/schemas/ids/:id").handler(routes::schemaById);
    router.get("/schemas/ids/:id/schema").handler(routes::rawSchemaById);
    router.get("/schemas/ids/:id/versions").handler(routes::versionsOfSchemaId);
    router.get("/subjects").handler(routes::subjects);
    router.get("/subjects/:subject/versions").handler(routes::versions);
    router.post("/subjects/:subject/versions").handler(routes::register);
    router.get("/subjects/:subject/versions/:version").handler(routes::version);
    router.get("/subjects/:subject/versions/:version/schema").handler(routes::rawSchemaOfVersion);
    router.post("/subjects/:subject").handler(routes::lookup);
    router.post("/compatibility/subjects/:subject/versions").handler(routes::testCompatibility);
    router
        .post("/compatibility/subjects/:subject/versions/:version")
        .handler(routes::testCompatibility);
    router.get("/config").handler(routes::globalConfig);
    router.put("/config").handler(routes::setGlobalConfig);
    router.get("/config/:subject").handler(routes::subjectConfig);
    router.put("/config/:subject").handler(routes::setSubjectConfig);
    router.route().failureHandler(RegistryRoutes::failure);
    router.errorHandler(404, ctx -> error(ctx, RegistryException.http(404, "Not Found")));
    router.errorHandler(405, ctx -> error(ctx, RegistryException.http(405, "Method Not Allowed")));
    return router;
  }

  private static void healthy(RoutingContext ctx) {
    respond(ctx, 200, new JsonObject().put("status", "UP"));
  }

  private void schemaById(RoutingContext ctx) {
    respond(ctx, 200, new JsonObject().put("schema", schemaOf(ctx).text()));
  }

  private void rawSchemaById(RoutingContext ctx) {
    respondRaw(ctx, schemaOf(ctx).text());
  }

  private void versionsOfSchemaId(RoutingContext ctx) {
    int id = schemaIdParam(ctx);
    schemaOf(ctx);
    JsonArray usages = new JsonArray();
    state
        .usagesOf(id)
        .forEach(
            v ->
                usages.add(
                    new JsonObject().put("subject", v.subject()).put("version", v.version())));
    respond(ctx, 200, usages);
  }

  private void subjects(RoutingContext ctx) {
    respond(ctx, 200, new JsonArray(List.copyOf(state.subjects())));
  }

  private void versions(RoutingContext ctx) {
    String subject = ctx.pathParam("subject");
    List<SchemaVersion> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    JsonArray numbers = new JsonArray();
    versions.forEach(v -> numbers.add(v.version()));
    respond(ctx, 200, numbers);
  }

  private void register(RoutingContext ctx) {
    CanonicalSchema schema = schemaInBody(ctx);
    service
        .register(ctx.pathParam("subject"), schema)
        .onSuccess(id -> respond(ctx, 200, new JsonObject().put("id", id)))
        .onFailure(ctx::fail);
  }

  private void version(RoutingContext ctx) {
    respond(ctx, 200, toJson(versionOf(ctx)));
  }

  private void rawSchemaOfVersion(RoutingContext ctx) {
    respondRaw(ctx, versionOf(ctx).schema());
  }

  private void lookup(RoutingContext ctx) {
    respond(ctx, 200, toJson(service.lookup(ctx.pathParam("subject"), schemaInBody(ctx))));
  }

  private void testCompatibility(RoutingContext ctx) {
    String versionParam = ctx.pathParam("version");
    VersionRef version = versionParam == null ? null : VersionRef.parse(versionParam);
    List<String> problems =
        service.incompatibilities(ctx.pathParam("subject"), version, schemaInBody(ctx));
    JsonObject answer = new JsonObject().put("is_compatible", problems.isEmpty());
    if (Boolean.parseBoolean(ctx.queryParams().get("verbose"))) {
      answer.put("messages", new JsonArray(List.copyOf(problems)));
    }
    respond(ctx, 200, answer);
  }

  private void globalConfig(RoutingContext ctx) {
    respond(ctx, 200, new JsonObject().put("compatibilityLevel", state.globalLevel().name()));
  }

  private void setGlobalConfig(RoutingContext ctx) {
    setLevel(ctx, null);
  }

  private void subjectConfig(RoutingContext ctx) {
    String subject = ctx.pathParam("subject");
    boolean defaultToGlobal = Boolean.parseBoolean(ctx.queryParams().get("defaultToGlobal"));
    CompatibilityLevel level =
        state
            .subjectLevel(subject)
            .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
            .orElseThrow(() -> RegistryException.subjectLevelConfigNotFound(subject));
    respond(ctx, 200, new JsonObject().put("compatibilityLevel", level.name()));
  }

  private void setSubjectConfig(RoutingContext ctx) {
    setLevel(ctx, ctx.pathParam("subject"));
  }

  private void setLevel(RoutingContext ctx, String subjectOrNull) {
    String requested = bodyJson(ctx).getString("compatibility");
    CompatibilityLevel level =
        CompatibilityLevel.parse(requested)
            .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(requested));
    service
        .setLevel(subjectOrNull, level)
        .onSuccess(set -> respond(ctx, 200, new JsonObject().put("compatibility", set.name())))
        .onFailure(ctx::fail);
  }

  private CanonicalSchema schemaOf(RoutingContext ctx) {
    return state.schemaById(schemaIdParam(ctx)).orElseThrow(RegistryException::schemaNotFound);
  }

  private SchemaVersion versionOf(RoutingContext ctx) {
    VersionRef version = VersionRef.parse(ctx.pathParam("version"));
    return service.version(ctx.pathParam("subject"), version);
  }

  private static int schemaIdParam(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound();
    }
  }

  private static CanonicalSchema schemaInBody(RoutingContext ctx) {
    JsonObject body = bodyJson(ctx);
    Object schema = body.getValue("schema");
    if (schema != null && !(schema instanceof String)) {
      throw RegistryException.invalidSchema("\"schema\" must be a string holding the schema JSON");
    }
    return CanonicalSchema.parse((String) schema, body.getString("schemaType"));
  }

  private static JsonObject bodyJson(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw RegistryException.badRequest("A JSON object body is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw RegistryException.badRequest("The body is not a JSON object: " + e.getMessage());
    }
  }

  private static JsonObject toJson(SchemaVersion version) {
    return new JsonObject()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema());
  }

  private static void failure(RoutingContext ctx) {
    if (ctx.failure() instanceof RegistryException error) {
      error(ctx, error);
    } else if (ctx.failure() == null) {
      error(ctx, RegistryException.http(ctx.statusCode(), "Error"));
    } else {
      log.error("registry_request_failed path={}", ctx.normalizedPath(), ctx.failure());
      error(ctx, RegistryException.storeError("Internal error: " + ctx.failure().getMessage()));
    }
  }

  private static void error(RoutingContext ctx, RegistryException error) {
    respond(
        ctx,
        error.httpStatus(),
        new JsonObject().put("error_code", error.errorCode()).put("message", error.getMessage()));
  }

  private static void respond(RoutingContext ctx, int status, Object json) {
    String body = json instanceof JsonObject o ? o.encode() : ((JsonArray) json).encode();
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .end(body);
  }

  private static void respondRaw(RoutingContext ctx, String schema) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(schema);
  }
}
