package io.smartcarpipeline.support.service;

/**
 * Avro 1.12 deserialises generated classes only from trusted packages named in a system property;
 * every service trusts the pipeline's event package before it builds a serde. A value set on the
 * command line ({@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=…}) is kept.
 */
public final class AvroPackages {

  /** The system property Avro reads. */
  public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

  /** The package of the pipeline's generated Avro classes. */
  public static final String EVENTS = "io.smartcarpipeline.events";

  private AvroPackages() {}

  /** Trusts {@link #EVENTS} unless the property is already set. */
  public static void trust() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, EVENTS);
    }
  }
}
