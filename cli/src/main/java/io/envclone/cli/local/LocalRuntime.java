package io.envclone.cli.local;

import io.envclone.testing.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a clone needs on this machine: Kafka (in this process, its log in the state
 * directory so a killed run resumes, unless {@code --kafka} names one), the control databases of
 * the cloner and the validator on a server the command may write to (the target's), and the three
 * services in their own processes (unless their URLs are given). One run per state directory at a time.
 */
public final class LocalRuntime implements AutoCloseable {

    /** The services a command may need. */
    public enum Service { CLONER, ANONYMIZER, VALIDATOR }

    /** Services and Kafka that run elsewhere already; null where envclone starts its own. */
    public record External(String kafka, String cloner, String anonymizer, String validator) {
        public static final External NONE = new External(null, null, null, null);

        boolean services() {
            return gives(EnumSet.allOf(Service.class));
        }

        /** Whether every one of {@code needed} runs elsewhere. */
        public boolean gives(Set<Service> needed) {
            return needed.stream().allMatch(service -> url(service) != null);
        }

        public String url(Service service) {
            return switch (service) {
                case CLONER -> cloner;
                case ANONYMIZER -> anonymizer;
                case VALIDATOR -> validator;
            };
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
        Set<Service> all = EnumSet.allOf(Service.class);
        if (external.services()) {
            return connected(external, all);
        }
        FileLock lock = lock(state);
        try {
            return started(lock, all, control, external, root, state.logs(), step, sameServerAllowed, () -> {
                step.accept("starting Kafka (in this process, log in " + state.kafka() + ")");
                return quietly(() -> EmbeddedKafkaBroker.startIn(state.kafka()));
            });
        } catch (IOException | InterruptedException | RuntimeException e) {
            lock.release();
            lock.channel().close();
            throw e;
        }
    }

    /**
     * Starts only the services of {@code needed} that {@code external} does not give, for a command
     * that lands no clone: its Kafka (every service's readiness needs one) is this command's own and
     * deleted when it closes, so an interrupted clone's log in the state directory stays for its
     * resume, and no state-directory lock is taken. {@code control} (the server of the control
     * databases) may be null when neither the cloner nor the validator is needed.
     */
    public static LocalRuntime start(Set<Service> needed, DatabaseUrl control, External external, Path root, Path logs,
            java.util.function.Consumer<String> step, boolean sameServerAllowed) throws IOException, InterruptedException {
        if (external.gives(needed)) {
            return connected(external, needed);
        }
        return started(null, needed, control, external, root, logs, step, sameServerAllowed, () -> {
            step.accept("starting Kafka (in this process, for this command only)");
            return quietly(EmbeddedKafkaBroker::start);
        });
    }

    private static LocalRuntime connected(External external, Set<Service> needed) {
        return new LocalRuntime(null, null, null, client(needed, Service.CLONER, external.cloner()),
                client(needed, Service.ANONYMIZER, external.anonymizer()),
                client(needed, Service.VALIDATOR, external.validator()));
    }

    private static ServiceClient client(Set<Service> needed, Service service, String baseUrl) {
        return needed.contains(service) ? new ServiceClient(service.name().toLowerCase(Locale.ROOT), baseUrl) : null;
    }

    private static LocalRuntime started(FileLock lock, Set<Service> needed, DatabaseUrl control, External external,
            Path root, Path logs, java.util.function.Consumer<String> step, boolean sameServerAllowed,
            java.util.function.Supplier<EmbeddedKafkaBroker> ownKafka) throws IOException, InterruptedException {
        EmbeddedKafkaBroker kafka = null;
        try {
            String bootstrap = external.kafka();
            if (bootstrap == null) {
                kafka = ownKafka.get();
                bootstrap = kafka.bootstrapServers();
            }
            LocalServices.ControlDatabase controlDatabase = null;
            if (needed.contains(Service.CLONER) || needed.contains(Service.VALIDATOR)) {
                step.accept("preparing the control databases on " + control.host() + ":" + control.port());
                if (needed.contains(Service.CLONER)) {
                    createIfMissing(control, CLONER_CONTROL);
                }
                if (needed.contains(Service.VALIDATOR)) {
                    createIfMissing(control, VALIDATOR_CONTROL);
                }
                controlDatabase = new LocalServices.ControlDatabase(control.host(), control.port(), control.user(),
                        control.password());
            }
            step.accept("starting the " + names(needed) + " (logs in " + logs + ")");
            LocalServices services = LocalServices.start(root, bootstrap, controlDatabase, logs, sameServerAllowed, needed);
            return new LocalRuntime(lock, kafka, services, baseUrl(services.cloner(), "cloner"),
                    baseUrl(services.anonymizer(), "anonymizer"), baseUrl(services.validator(), "validator"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            throw e;
        }
    }

    private static ServiceClient baseUrl(ServiceProcess service, String name) {
        return service == null ? null : new ServiceClient(name, service.baseUrl());
    }

    /** "cloner, anonymizer and validator", "validator": as the progress line says it. */
    static String names(Set<Service> services) {
        List<String> names = new ArrayList<>(services.stream().sorted()
                .map(service -> service.name().toLowerCase(Locale.ROOT)).toList());
        String last = names.remove(names.size() - 1);
        return names.isEmpty() ? last : String.join(", ", names) + " and " + last;
    }

    /** Kafka's formatter prints to stdout, which with --output json must hold the JSON document only. */
    private static <T> T quietly(java.util.function.Supplier<T> start) {
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return start.get();
        } finally {
            System.setOut(stdout);
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
        try {
            if (control.databaseExists(database)) {
                return;
            }
            try (Connection maintenance = control.withDatabase("postgres").connect(java.util.Map.of());
                    Statement create = maintenance.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the control database " + database + " on " + control.host()
                    + ":" + control.port() + " as " + control.user() + " (" + e.getMessage().split("\n")[0]
                    + "): the target's role needs CREATEDB, or give the services with --cloner-url and friends", e);
        }
    }

    /** The watch over the services this command started; none over services given by URL. */
    public Supervision supervision() {
        return services == null ? Supervision.NONE : new ProcessSupervision(services);
    }

    public ServiceClient cloner() {
        return required(cloner, Service.CLONER);
    }

    public ServiceClient anonymizer() {
        return required(anonymizer, Service.ANONYMIZER);
    }

    public ServiceClient validator() {
        return required(validator, Service.VALIDATOR);
    }

    private static ServiceClient required(ServiceClient client, Service service) {
        if (client == null) {
            throw new IllegalStateException("the " + service.name().toLowerCase(Locale.ROOT)
                    + " was not started for this command");
        }
        return client;
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
