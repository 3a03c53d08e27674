package io.envclone.testing;

import io.envclone.testing.kafka.EmbeddedKafkaBroker;
import io.envclone.testing.net.TcpProxy;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.util.logging.Logger;

/**
 * The real PostgreSQL server and Kafka broker shared by every test of one JVM: started on
 * first use, on free ports, and stopped when the JVM exits.
 *
 * <p>Services under test reach PostgreSQL through {@link #postgresNetwork()} and Kafka through
 * {@link EmbeddedKafkaBroker#network()}, so a test can cut either dependency off and restore it.
 */
public final class RealInfrastructure {

    private static final Logger LOG = Logger.getLogger(RealInfrastructure.class.getName());
    private static volatile RealInfrastructure shared;

    private final EmbeddedPostgresServer postgres;
    private final TcpProxy postgresNetwork;
    private final EmbeddedKafkaBroker kafka;

    private RealInfrastructure(EmbeddedPostgresServer postgres, TcpProxy postgresNetwork, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.postgresNetwork = postgresNetwork;
        this.kafka = kafka;
    }

    /** The JVM-wide instance, started on the first call. */
    public static RealInfrastructure shared() {
        RealInfrastructure instance = shared;
        if (instance == null) {
            synchronized (RealInfrastructure.class) {
                instance = shared;
                if (instance == null) {
                    instance = startNew();
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "real-infrastructure-stop"));
                    shared = instance;
                }
            }
        }
        return instance;
    }

    private static RealInfrastructure startNew() {
        long started = System.nanoTime();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();
        TcpProxy postgresNetwork = TcpProxy.forward(postgres.host(), postgres.port());
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
        LOG.info(() -> String.format("real PostgreSQL on port %d (network port %d) and Kafka at %s ready in %d ms",
                postgres.port(), postgresNetwork.port(), kafka.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000));
        return new RealInfrastructure(postgres, postgresNetwork, kafka);
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The network path to PostgreSQL that services under test use. */
    public TcpProxy postgresNetwork() {
        return postgresNetwork;
    }

    /** JDBC URL of {@code database} through {@link #postgresNetwork()}, without credentials. */
    public String networkJdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresNetwork.port() + "/" + database;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** Restores any network path a test cut, so the next test starts healthy. */
    public void healNetwork() {
        postgresNetwork.restore();
        kafka.network().restore();
    }

    private void stop() {
        try {
            kafka.close();
        } finally {
            postgresNetwork.close();
            postgres.close();
        }
    }
}
