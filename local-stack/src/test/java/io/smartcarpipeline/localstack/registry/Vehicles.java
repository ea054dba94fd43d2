package io.smartcarpipeline.localstack.registry;

/** Avro schemas of one record in the versions the registry tests evolve it through. */
final class Vehicles {

  static final String V1 =
      """
      {"type": "record", "name": "Vehicle", "namespace": "test.registry",
       "fields": [{"name": "id", "type": "string"}]}
      """;

  /** V1 with other whitespace: the same schema. */
  static final String V1_REFORMATTED =
      """
      {
        "type" : "record",
        "name" : "Vehicle",
        "namespace" : "test.registry",
        "fields" : [ { "name" : "id", "type" : "string" } ]
      }
      """;

  /** V1 plus an optional field with a default: backward and forward compatible. */
  static final String V2_OPTIONAL_FIELD =
      """
      {"type": "record", "name": "Vehicle", "namespace": "test.registry",
       "fields": [{"name": "id", "type": "string"},
                  {"name": "make", "type": ["null", "string"], "default": null}]}
      """;

  /** V1 plus a required field without default: new readers cannot read old data. */
  static final String V2_REQUIRED_FIELD =
      """
      {"type": "record", "name": "Vehicle", "namespace": "test.registry",
       "fields": [{"name": "id", "type": "string"},
                  {"name": "vin", "type": "string"}]}
      """;

  /** Another record altogether. */
  static final String OTHER =
      """
      {"type": "record", "name": "Charger", "namespace": "test.registry",
       "fields": [{"name": "kw", "type": "double"}]}
      """;

  private Vehicles() {}
}
