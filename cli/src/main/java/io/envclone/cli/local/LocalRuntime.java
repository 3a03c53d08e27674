package io.envclone.cli.local;

import io.envclone.testing.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Everything a clone needs on this machine: Kafka (in this process, its log in the state
 * directory so a killed run resumes, unless {@code --kafka} names one), the control databases of
 * the cloner and the validator on a server the command may write to (the target's), and the three
 * services in their own processes (unless their URLs are given). One run per state directory at a time.
 */
public final class LocalRuntime implements AutoCloseable {

    /** Services and Kafka that run elsewhere already; null where envclone starts its own. */
    public record External(String kafka, String cloner, String anonymizer, String validator) {
        public static final External NONE = new External(null, null, null, null);

        boolean services() {
            return cloner != null && anonymizer != null && validator != null;
        }
    }

    public static final String CLONER_CONTROL = "envclone_cloner";
    public static final String VALIDATOR_CONTROL = "envclone_validator";

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final FileLock lock;
    private final EmbeddedKafkaBroker kafka;
    private final LocalServices services;
    private final ServiceClient cloner;
    private final ServiceClient anonymizer;
    private final ServiceClient validator;

    private LocalRuntime(FileLock lock, EmbeddedKafkaBroker kafka, LocalServices services, ServiceClient cloner,
            ServiceClient anonymizer, ServiceClient validator) {
        this.lock = lock;
        this.kafka = kafka;
        this.services = services;
        this.cloner = cloner;
        this.anonymizer = anonymizer;
        this.validator = validator;
    }

    /** Starts what {@code external} does not give; {@code control} is a server and role that may create databases. */
    public static LocalRuntime start(StateDirectory state, DatabaseUrl control, External external, Path root,
            java.util.function.Consumer<String> step, boolean sameServerAllowed) throws IOException, InterruptedException {
        if (external.services()) {
            return new LocalRuntime(null, null, null, new ServiceClient("cloner", external.cloner()),
                    new ServiceClient("anonymizer", external.anonymizer()), new ServiceClient("validator", external.validator()));
        }
        FileLock lock = lock(state);
        EmbeddedKafkaBroker kafka = null;
        try {
            String bootstrap = external.kafka();
            if (bootstrap == null) {
                step.accept("starting Kafka (in this process, log in " + state.kafka() + ")");
                kafka = EmbeddedKafkaBroker.startIn(state.kafka());
                bootstrap = kafka.bootstrapServers();
            }
            step.accept("preparing the control databases on " + control.host() + ":" + control.port());
            createIfMissing(control, CLONER_CONTROL);
            createIfMissing(control, VALIDATOR_CONTROL);
            step.accept("starting the cloner, anonymizer and validator (logs in " + state.logs() + ")");
            LocalServices services = LocalServices.start(root, bootstrap, new LocalServices.ControlDatabase(
                    control.host(), control.port(), control.user(), control.password()), state.logs(), sameServerAllowed);
            return new LocalRuntime(lock, kafka, services, new ServiceClient("cloner", services.cloner().baseUrl()),
                    new ServiceClient("anonymizer", services.anonymizer().baseUrl()),
                    new ServiceClient("validator", services.validator().baseUrl()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            lock.release();
            lock.channel().close();
            throw e;
        }
    }

    private static FileLock lock(StateDirectory state) throws IOException {
        Files.createDirectories(state.root());
        FileChannel channel = FileChannel.open(state.root().resolve("run.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another envclone runs with the state directory " + state.root()
                    + ": wait for it, or give this run its own with ENVCLONE_STATE_DIR");
        }
        return lock;
    }

    /** {@code database} on the control server, created when missing (the role needs CREATEDB). */
    static void createIfMissing(DatabaseUrl control, String database) {
        Properties properties = new Properties();
        properties.setProperty("user", control.user());
        properties.setProperty("password", control.password());
        try (Connection connection = DriverManager.getConnection(control.withDatabase("postgres").jdbcUrl(), properties);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the control database " + database + " on " + control.host()
                    + ":" + control.port() + " as " + control.user() + " (" + e.getMessage().split("\n")[0]
                    + "): the target's role needs CREATEDB, or give the services with --cloner-url and friends", e);
        }
    }

    public ServiceClient cloner() {
        return cloner;
    }

    public ServiceClient anonymizer() {
        return anonymizer;
    }

    public ServiceClient validator() {
        return validator;
    }

    /**
     * Stops the services; {@code keepKafka} leaves Kafka's log in place for the run that resumes an
     * unfinished clone (the broker then simply ends with this process).
     */
    public void close(boolean keepKafka) throws InterruptedException, IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (services != null) {
            services.close();
        }
        if (kafka != null && !keepKafka) {
            kafka.close();
        }
        if (lock != null) {
            lock.release();
            lock.channel().close();
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        close(false);
    }
}
