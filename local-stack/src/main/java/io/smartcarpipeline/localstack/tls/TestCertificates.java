package io.smartcarpipeline.localstack.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for tests and the secured local stack: a fresh certificate authority, a server key
 * and certificate it signs (for {@code localhost} and {@code 127.0.0.1} unless told other names),
 * written as a PKCS12 key store for the server, a PKCS12 trust store holding only the CA, and the
 * CA in PEM (for curl); plus a client key store with a certificate of the same CA, for mTLS. One
 * generated password opens every store and key.
 *
 * <p>Every call makes a new, unrelated CA: a second {@link #generate} gives the trust store of an
 * authority the first server's certificate does not chain to, which is what "untrusted certificate"
 * tests need. Keys are EC P-256 (generated in milliseconds), valid for a day.
 *
 * <p>Needs {@code org.bouncycastle:bcpkix-jdk18on} on the class path, which local-stack declares
 * optional so that it stays out of the production jar: add it in test scope where this is used.
 */
public final class TestCertificates {

  /** The type of every store written. */
  public static final String STORE_TYPE = "PKCS12";

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration VALIDITY = Duration.ofDays(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path caCertificatePem;
  private final KeyStoreFile serverKeystore;
  private final KeyStoreFile truststore;
  private final KeyStoreFile clientKeystore;

  private TestCertificates(
      Path caCertificatePem,
      KeyStoreFile serverKeystore,
      KeyStoreFile truststore,
      KeyStoreFile clientKeystore) {
    this.caCertificatePem = caCertificatePem;
    this.serverKeystore = serverKeystore;
    this.truststore = truststore;
    this.clientKeystore = clientKeystore;
  }

  /** A new CA and a server certificate for {@code localhost} and {@code 127.0.0.1}, into dir. */
  public static TestCertificates generate(Path dir) {
    return generate(dir, List.of("localhost", "127.0.0.1"));
  }

  /**
   * A new CA and a server certificate for the given names, into dir: {@code ca.pem}, {@code
   * server.p12}, {@code truststore.p12}, {@code client.p12}.
   *
   * @param serverNames the certificate's subject alternative names: host names, or IPv4 / IPv6
   *     literals (which become IP address entries); the first is also its common name
   */
  public static TestCertificates generate(Path dir, List<String> serverNames) {
    requireBouncyCastle();
    if (serverNames.isEmpty()) {
      throw new IllegalArgumentException("at least one server name is needed");
    }
    try {
      Files.createDirectories(dir);
      String password = newPassword();
      KeyPair caKeys = newKeyPair();
      X509Certificate ca = caCertificate(caKeys);
      KeyPair serverKeys = newKeyPair();
      X509Certificate server = leafCertificate(serverKeys, serverNames, ca, caKeys);
      KeyPair clientKeys = newKeyPair();
      X509Certificate client = leafCertificate(clientKeys, List.of("client"), ca, caKeys);

      KeyStore keystore = emptyStore();
      keystore.setKeyEntry(
          "server",
          serverKeys.getPrivate(),
          password.toCharArray(),
          new Certificate[] {server, ca});
      KeyStore clientStore = emptyStore();
      clientStore.setKeyEntry(
          "client",
          clientKeys.getPrivate(),
          password.toCharArray(),
          new Certificate[] {client, ca});
      KeyStore trust = emptyStore();
      trust.setCertificateEntry("ca", ca);

      Path caPem = dir.resolve("ca.pem");
      try (Writer out = Files.newBufferedWriter(caPem);
          JcaPEMWriter pem = new JcaPEMWriter(out)) {
        pem.writeObject(ca);
      }
      return new TestCertificates(
          caPem,
          write(keystore, dir.resolve("server.p12"), password),
          write(trust, dir.resolve("truststore.p12"), password),
          write(clientStore, dir.resolve("client.p12"), password));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write test certificates to " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate test certificates", e);
    }
  }

  /** The server's key and certificate chain (server, CA), for a broker or an HTTPS server. */
  public KeyStoreFile serverKeystore() {
    return serverKeystore;
  }

  /** A trust store holding only this CA, for clients. */
  public KeyStoreFile truststore() {
    return truststore;
  }

  /** A client key and certificate (CN=client) of this CA, for servers that ask for mTLS. */
  public KeyStoreFile clientKeystore() {
    return clientKeystore;
  }

  /** The CA certificate in PEM, e.g. for {@code curl --cacert}. */
  public Path caCertificatePem() {
    return caCertificatePem;
  }

  private static X509Certificate caCertificate(KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name name = new X500Name("CN=smartcar-pipeline test CA " + serial());
    X509v3CertificateBuilder builder = builder(name, name, keys, keys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return sign(builder, keys);
  }

  /** A certificate for TLS servers and clients alike (both extended key usages). */
  private static X509Certificate leafCertificate(
      KeyPair keys, List<String> names, X509Certificate ca, KeyPair caKeys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder builder =
        builder(issuer, new X500Name("CN=" + names.get(0)), keys, caKeys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    GeneralName[] sans = names.stream().map(TestCertificates::san).toArray(GeneralName[]::new);
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
    return sign(builder, caKeys);
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys)
      throws GeneralSecurityException, IOException {
    Instant now = Instant.now();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            serial(),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(VALIDITY)),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
    return builder;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
  }

  private static GeneralName san(String name) {
    boolean ipLiteral = name.matches("[0-9.]+") || name.contains(":");
    return new GeneralName(ipLiteral ? GeneralName.iPAddress : GeneralName.dNSName, name);
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(STORE_TYPE);
    store.load(null, null);
    return store;
  }

  private static KeyStoreFile write(KeyStore store, Path file, String password)
      throws GeneralSecurityException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return new KeyStoreFile(file, password, STORE_TYPE);
  }

  /** 32 hex characters: safe inside JAAS quotes, URLs and {@code user:password}. */
  private static String newPassword() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
  }

  private static void requireBouncyCastle() {
    try {
      Class.forName(
          "org.bouncycastle.cert.X509v3CertificateBuilder",
          false,
          TestCertificates.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "TestCertificates needs org.bouncycastle:bcpkix-jdk18on on the class path: add it in"
              + " test scope (local-stack declares it optional)",
          e);
    }
  }
}
