package io.smartcarpipeline.localstack.registry;

/**
 * A failure the registry answers with Confluent's error body {@code {"error_code", "message"}}: the
 * HTTP status and the Confluent error code travel together, made only by the named factories below
 * so every code means one thing.
 */
final class RegistryException extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  private RegistryException(int httpStatus, int errorCode, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  int httpStatus() {
    return httpStatus;
  }

  int errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound() {
    return new RegistryException(404, 40402, "Version not found.");
  }

  static RegistryException schemaNotFound() {
    return new RegistryException(404, 40403, "Schema not found");
  }

  static RegistryException subjectLevelConfigNotFound(String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryException incompatibleSchema(String subject, String details) {
    return new RegistryException(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: "
            + details);
  }

  static RegistryException invalidSchema(String reason) {
    return new RegistryException(422, 42201, "Invalid schema: " + reason);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
            + " string \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }

  static RegistryException badRequest(String message) {
    return new RegistryException(400, 400, message);
  }

  static RegistryException storeError(String message) {
    return new RegistryException(500, 50001, message);
  }

  static RegistryException http(int status, String reason) {
    return new RegistryException(status, status, "HTTP " + status + " " + reason);
  }
}
