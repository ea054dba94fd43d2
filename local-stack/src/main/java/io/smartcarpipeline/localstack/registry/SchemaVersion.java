package io.smartcarpipeline.localstack.registry;

/** One version of a subject: which global schema id it points at, and that schema's text. */
record SchemaVersion(String subject, int version, int id, String schema) {}
