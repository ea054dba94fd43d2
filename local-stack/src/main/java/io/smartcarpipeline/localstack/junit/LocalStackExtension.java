package io.smartcarpipeline.localstack.junit;

import io.smartcarpipeline.localstack.LocalStack;
import io.smartcarpipeline.localstack.SecureLocalStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives integration tests a running {@link LocalStack} (broker and schema registry on free ports)
 * as a parameter of test methods, constructors and lifecycle methods. The stack starts once per
 * test JVM on first use and is kept in the root context's store, which closes it (an {@link
 * AutoCloseable}) when the whole run ends.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class FooIT {
 *   @Test
 *   void x(LocalStack stack) { ... stack.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>The stack is shared by every test class of the run: use distinct topic and subject names, and
 * build an own {@code EmbeddedKafkaBroker} to stop a broker.
 *
 * <p>A parameter of type {@link SecureLocalStack} gets, the same way, one shared secured stack
 * (SASL_SSL broker, HTTPS registry with basic auth, certificates in a temporary directory); it
 * needs {@code org.bouncycastle:bcpkix-jdk18on} on the test class path.
 *
 * <p>By default the stack is embedded in the test JVM. {@code SMARTCAR_TEST_BACKEND=containers} (or
 * {@code -Dsmartcar.test.backend=containers}) runs Apache Kafka and Confluent Schema Registry in
 * Docker instead, {@code auto} does so when Docker is there ({@link TestBackendSelection}). Tests
 * that reach into the embedded broker ({@link LocalStack#broker()}) need the embedded one.
 */
public final class LocalStackExtension implements ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStackExtension.class);

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalStack.class || type == SecureLocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SecureLocalStack.class
        ? sharedSecureStack(context)
        : sharedStack(context);
  }

  /** The stack of this test run, started on first call. */
  public static LocalStack sharedStack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            LocalStack.class,
            type -> start(TestBackendSelection.fromEnvironment()),
            LocalStack.class);
  }

  /** The secured stack of this test run, started on first call. */
  public static SecureLocalStack sharedSecureStack(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SecureLocalStack.class,
            type -> SecureLocalStack.startInTemporaryDirectory(),
            SecureLocalStack.class);
  }

  private static LocalStack start(TestBackend backend) {
    LocalStack stack =
        backend == TestBackend.CONTAINERS
            ? ContainerStack.start()
            : LocalStack.start(LocalStack.Options.freePorts());
    LOG.info(
        "test_backend_started backend={} bootstrap={} schema_registry={}",
        backend.name().toLowerCase(java.util.Locale.ROOT),
        stack.bootstrapServers(),
        stack.schemaRegistryUrl());
    return stack;
  }
}
