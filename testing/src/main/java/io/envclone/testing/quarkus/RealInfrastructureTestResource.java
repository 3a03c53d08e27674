package io.envclone.testing.quarkus;

import io.envclone.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that points an envclone service at the real PostgreSQL and Kafka of
 * {@link RealInfrastructure}: a control database of its own (init arg {@code database},
 * default {@code envclone_control}) owned by a login role with a password, reached through
 * the cuttable network path, and the broker's bootstrap address.
 *
 * <p>Test fields of type {@link RealInfrastructure} are injected, so a test can cut a
 * dependency off and prove the service notices.
 */
public final class RealInfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    /** The control database role's password in tests; the secret-leak tests search for it. */
    public static final String CONTROL_PASSWORD = "s3cret-Contr0l-Passw0rd";
    public static final String CONTROL_ROLE = "envclone_service";

    private String database = "envclone_control";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        RealInfrastructure infrastructure = RealInfrastructure.shared();
        infrastructure.postgres().createDatabase(database);
        infrastructure.postgres().createLoginRole(CONTROL_ROLE, CONTROL_PASSWORD, database);
        // The password is given twice, as a property and inside the URL, as users do: neither may leak.
        String urlWithCredentials = "postgresql://" + CONTROL_ROLE + ":" + CONTROL_PASSWORD + "@localhost:"
                + infrastructure.postgresNetwork().port() + "/" + database;
        return Map.of(
                "envclone.control-database.url", urlWithCredentials,
                "envclone.control-database.username", CONTROL_ROLE,
                "envclone.control-database.password", CONTROL_PASSWORD,
                "envclone.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(RealInfrastructure.shared(),
                new TestInjector.MatchesType(RealInfrastructure.class));
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM: other test classes reuse them.
        RealInfrastructure.shared().healNetwork();
    }
}
