package io.envclone.cli.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The three services of a clone, each in its own process as in the cluster, on one machine: the
 * cloner and the validator with their control databases, all three on one Kafka. Local mode lets
 * a target share the source's server (the validator's {@code same-server-allowed}), which a
 * production validator refuses.
 */
public final class LocalServices implements AutoCloseable {

    /** Where the control databases are: a server every service reaches, and a role that owns them. */
    public record ControlDatabase(String host, int port, String role, String password) {
        String url(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private final ServiceProcess cloner;
    private final ServiceProcess anonymizer;
    private final ServiceProcess validator;

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
        ServiceProcess cloner = null;
        ServiceProcess anonymizer = null;
        ServiceProcess validator = null;
        try {
            cloner = ServiceProcess.start("cloner-service", jar(root, "cloner-service"), freePort(),
                    withControl(kafkaBootstrap, control, "envclone_cloner"), logs);
            anonymizer = ServiceProcess.start("anonymizer-service", jar(root, "anonymizer-service"), freePort(),
                    Map.of("ENVCLONE_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                            "ENVCLONE_ANONYMIZER_INSTANCE_ID", "local-anonymizer-" + ProcessHandle.current().pid()), logs);
            Map<String, String> validatorEnvironment = new java.util.HashMap<>(
                    withControl(kafkaBootstrap, control, "envclone_validator"));
            validatorEnvironment.put("ENVCLONE_VALIDATOR_SAME_SERVER_ALLOWED", String.valueOf(sameServerAllowed));
            validator = ServiceProcess.start("validator-service", jar(root, "validator-service"), freePort(),
                    validatorEnvironment, logs);
            for (ServiceProcess service : new ServiceProcess[] {cloner, anonymizer, validator}) {
                service.awaitReady(Duration.ofMinutes(2));
            }
            return new LocalServices(cloner, anonymizer, validator);
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (ServiceProcess started : new ServiceProcess[] {cloner, anonymizer, validator}) {
                if (started != null) {
                    started.close();
                }
            }
            throw e;
        }
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

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {validator, anonymizer, cloner}) {
            service.close();
        }
    }
}
