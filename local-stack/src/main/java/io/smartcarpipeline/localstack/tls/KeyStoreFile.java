package io.smartcarpipeline.localstack.tls;

import java.nio.file.Path;

/**
 * A key store or trust store on disk, with what a client or server needs to open it. {@link
 * #toString()} leaves the password out.
 *
 * @param location the file
 * @param password the store password (for our generated stores also the key password)
 * @param type the store type, e.g. {@code PKCS12}
 */
public record KeyStoreFile(Path location, String password, String type) {

  @Override
  public String toString() {
    return "KeyStoreFile[location=" + location + ", type=" + type + ", password=(hidden)]";
  }
}
