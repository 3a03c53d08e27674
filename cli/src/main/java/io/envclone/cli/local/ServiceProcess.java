package io.envclone.cli.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One envclone service run as it runs in production: its own JVM from its packaged Quarkus
 * application, configured by environment variables only, its log in a file, ready once its
 * readiness probe says so. Closing it stops it as Kubernetes does: a SIGTERM, then a kill.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log, Process process) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code jar} with {@code environment} (passwords go there, never on a command line). */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDirectory)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the " + name + " is not built: " + jar + " is missing; run ./mvnw package"
                    + " -DskipTests (./envclone does it on first use)");
        }
        Files.createDirectories(logDirectory);
        return launch(name, jar, port, Map.copyOf(environment), logDirectory.resolve(name + ".log"));
    }

    /** The same service started again, on its port with its settings, its log appended to. */
    public ServiceProcess restarted() throws IOException {
        return launch(name, jar, port, environment, log);
    }

    private static ServiceProcess launch(String name, Path jar, int port, Map<String, String> environment, Path log)
            throws IOException {
        // a small heap and the serial collector: three services and the pipeline share a laptop's cores
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // a service whose command is killed stops by itself (ParentProcessWatch) instead of running on as an orphan
        builder.environment().put("ENVCLONE_EXIT_WITH_PARENT", String.valueOf(ProcessHandle.current().pid()));
        return new ServiceProcess(name, jar, port, environment, log, builder.start());
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** How the process ended; only once it is not {@link #alive()}. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Waits until {@code /q/health/ready} answers 200; a process that exits first fails with its log's place. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " stopped while starting (exit " + process.exitValue()
                        + "): see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the " + name + " was not ready within " + timeout + ": see " + log);
    }

    /** Ends the process at once, as a crash or an OOM kill would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
