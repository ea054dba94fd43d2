package io.smartcarpipeline.localstack.registry;

/**
 * A version as written in a URL: a number from 1, or {@code latest} (also {@code -1}).
 *
 * @param number the version number, or -1 for the latest
 */
record VersionRef(int number) {

  static final VersionRef LATEST = new VersionRef(-1);

  /** Parses a path segment, failing with 42202 when it is not a valid version. */
  static VersionRef parse(String text) {
    if ("latest".equalsIgnoreCase(text) || "-1".equals(text)) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(text);
      if (number >= 1) {
        return new VersionRef(number);
      }
    } catch (NumberFormatException e) {
      // falls through to the 42202 answer
    }
    throw RegistryException.invalidVersion(text);
  }

  boolean isLatest() {
    return number == -1;
  }
}
