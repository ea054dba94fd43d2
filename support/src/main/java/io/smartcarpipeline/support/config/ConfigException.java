package io.smartcarpipeline.support.config;

/** A missing or bad setting; the message names the setting and says what is expected. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigException(String key, String message) {
    super("Setting " + key + ": " + message);
    this.key = key;
  }

  /** The setting at fault. */
  public String key() {
    return key;
  }
}
