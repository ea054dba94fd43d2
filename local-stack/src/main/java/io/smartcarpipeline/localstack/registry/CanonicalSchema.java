package io.smartcarpipeline.localstack.registry;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * A parsed Avro schema and the canonical text the registry stores, returns and compares: Avro's own
 * JSON rendering, so whitespace and attribute order do not make a schema "new", while defaults,
 * docs and logical types (which matter for compatibility) are kept.
 */
record CanonicalSchema(Schema schema, String text) {

  /**
   * Parses a schema sent to the registry.
   *
   * @param text the schema JSON
   * @param schemaType the {@code schemaType} of the request; absent or {@code AVRO}
   * @throws RegistryException 42201 when the schema is not valid Avro or not an Avro schema
   */
  static CanonicalSchema parse(String text, String schemaType) {
    if (schemaType != null && !"AVRO".equalsIgnoreCase(schemaType)) {
      throw RegistryException.invalidSchema(
          "schemaType " + schemaType + " is not supported, only AVRO");
    }
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("empty schema");
    }
    try {
      Schema schema = new Schema.Parser().parse(text);
      return new CanonicalSchema(schema, schema.toString());
    } catch (AvroRuntimeException | IllegalArgumentException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    }
  }

  /** Parses a schema already stored by the registry. */
  static CanonicalSchema ofStored(String text) {
    return parse(text, null);
  }
}
