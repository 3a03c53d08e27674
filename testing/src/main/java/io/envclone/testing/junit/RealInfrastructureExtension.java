package io.envclone.testing.junit;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.kafka.EmbeddedKafkaBroker;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the JVM-wide real PostgreSQL and Kafka: declare a parameter
 * of type {@link RealInfrastructure}, {@link EmbeddedPostgresServer} or {@link EmbeddedKafkaBroker}.
 * After each test, any network path the test cut is restored.
 */
public final class RealInfrastructureExtension implements ParameterResolver, AfterEachCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RealInfrastructure.class || type == EmbeddedPostgresServer.class
                || type == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RealInfrastructure infrastructure = RealInfrastructure.shared();
        Class<?> type = parameter.getParameter().getType();
        if (type == EmbeddedPostgresServer.class) {
            return infrastructure.postgres();
        }
        if (type == EmbeddedKafkaBroker.class) {
            return infrastructure.kafka();
        }
        return infrastructure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RealInfrastructure.shared().healNetwork();
    }
}
