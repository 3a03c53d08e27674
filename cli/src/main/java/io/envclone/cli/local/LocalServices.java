package io.envclone.cli.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The three services of a clone, or those a command needs, each in its own process as in the
 * cluster, on one machine: the cloner and the validator with their control databases, all on one
 * Kafka. Local mode lets a target share the source's server (the validator's
 * {@code same-server-allowed}), which a production validator refuses.
 */
public final class LocalServices implements AutoCloseable {

    /** Where the control databases are: a server every service reaches, and a role that owns them. */
    public record ControlDatabase(String host, int port, String role, String password) {
        String url(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private volatile ServiceProcess cloner;
    private volatile ServiceProcess anonymizer;
    private volatile ServiceProcess validator;

    private LocalServices(ServiceProcess cloner, ServiceProcess anonymizer, ServiceProcess validator) {
        this.cloner = cloner;
        this.anonymizer = anonymizer;
        this.validator = validator;
    }

    /**
     * Starts the three from {@code root} (the repository, where {@code <module>/target/quarkus-app}
     * holds each service once built), their logs in {@code logs}; the control databases
     * {@code envclone_cloner} and {@code envclone_validator} must exist, owned by the control role.
     */
    public static LocalServices start(Path root, String kafkaBootstrap, ControlDatabase control, Path logs,
            boolean sameServerAllowed) throws IOException, InterruptedException {
        return start(root, kafkaBootstrap, control, logs, sameServerAllowed, EnumSet.allOf(LocalRuntime.Service.class));
    }

    /**
     * Starts only {@code needed}; the others stay null. {@code control} may be null when neither the
     * cloner nor the validator is needed (the anonymizer has no database).
     */
    public static LocalServices start(Path root, String kafkaBootstrap, ControlDatabase control, Path logs,
            boolean sameServerAllowed, Set<LocalRuntime.Service> needed) throws IOException, InterruptedException {
        return start(root, kafkaBootstrap, control, logs, sameServerAllowed, needed, Map.of());
    }

    /** As above, every service also given {@code settings} (Quarkus and envclone settings as environment variables). */
    public static LocalServices start(Path root, String kafkaBootstrap, ControlDatabase control, Path logs,
            boolean sameServerAllowed, Set<LocalRuntime.Service> needed, Map<String, String> settings)
            throws IOException, InterruptedException {
        ServiceProcess cloner = null;
        ServiceProcess anonymizer = null;
        ServiceProcess validator = null;
        try {
            if (needed.contains(LocalRuntime.Service.CLONER)) {
                cloner = ServiceProcess.start("cloner-service", jar(root, "cloner-service"), freePort(),
                        with(settings, withControl(kafkaBootstrap, control, LocalRuntime.CLONER_CONTROL)), logs);
            }
            if (needed.contains(LocalRuntime.Service.ANONYMIZER)) {
                anonymizer = ServiceProcess.start("anonymizer-service", jar(root, "anonymizer-service"), freePort(),
                        with(settings, Map.of("ENVCLONE_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                                // the same id every run: a restarted anonymizer's producer then fences the killed
                                // one's open transaction at once, instead of read_committed readers waiting it out
                                "ENVCLONE_ANONYMIZER_INSTANCE_ID", "local-anonymizer")), logs);
            }
            if (needed.contains(LocalRuntime.Service.VALIDATOR)) {
                Map<String, String> validatorEnvironment = new java.util.HashMap<>(
                        withControl(kafkaBootstrap, control, LocalRuntime.VALIDATOR_CONTROL));
                validatorEnvironment.put("ENVCLONE_VALIDATOR_SAME_SERVER_ALLOWED", String.valueOf(sameServerAllowed));
                validator = ServiceProcess.start("validator-service", jar(root, "validator-service"), freePort(),
                        with(settings, validatorEnvironment), logs);
            }
            for (ServiceProcess service : new ServiceProcess[] {cloner, anonymizer, validator}) {
                if (service != null) {
                    service.awaitReady(Duration.ofMinutes(2));
                }
            }
            return new LocalServices(cloner, anonymizer, validator);
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeAll(cloner, anonymizer, validator);
            throw e;
        }
    }

    private static Map<String, String> with(Map<String, String> settings, Map<String, String> environment) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putAll(environment);
        return all;
    }

    private static Map<String, String> withControl(String kafkaBootstrap, ControlDatabase control, String database) {
        return Map.of("ENVCLONE_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                "ENVCLONE_CONTROL_DATABASE_URL", control.url(database),
                "ENVCLONE_CONTROL_DATABASE_USERNAME", control.role(),
                "ENVCLONE_CONTROL_DATABASE_PASSWORD", control.password());
    }

    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** The repository's root: {@code envclone.home} when set, else the nearest parent holding {@code mvnw} and the services. */
    public static Path root() {
        String home = System.getProperty("envclone.home", System.getenv("ENVCLONE_HOME"));
        if (home != null) {
            return Path.of(home).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("validator-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the envclone repository was not found from " + Path.of("").toAbsolutePath()
                + ": run from inside it, or set ENVCLONE_HOME");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public ServiceProcess cloner() {
        return cloner;
    }

    public ServiceProcess anonymizer() {
        return anonymizer;
    }

    public ServiceProcess validator() {
        return validator;
    }

    /** The services started here, as they are now. */
    public java.util.List<ServiceProcess> running() {
        return java.util.stream.Stream.of(cloner, anonymizer, validator).filter(java.util.Objects::nonNull).toList();
    }

    /** {@code dead}, one of these, started again in its place and ready within {@code timeout}. */
    synchronized void restart(ServiceProcess dead, Duration timeout) throws IOException, InterruptedException {
        if (dead != cloner && dead != anonymizer && dead != validator) {
            throw new IllegalArgumentException(dead.name() + " is not one of these services");
        }
        ServiceProcess again = dead.restarted();
        if (dead == cloner) {
            cloner = again;
        } else if (dead == anonymizer) {
            anonymizer = again;
        } else {
            validator = again;
        }
        again.awaitReady(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        closeAll(validator, anonymizer, cloner);
    }

    private static void closeAll(ServiceProcess... services) throws InterruptedException {
        for (ServiceProcess service : services) {
            if (service != null) {
                service.close();
            }
        }
    }
}
