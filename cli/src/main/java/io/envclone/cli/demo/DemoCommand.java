package io.envclone.cli.demo;

import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.Manifests;
import io.envclone.api.crd.TestEnvironmentSpec;
import io.envclone.cli.ExitCode;
import io.envclone.cli.clone.CloneRun;
import io.envclone.cli.clone.EnvironmentPlan;
import io.envclone.cli.commands.OutputOptions;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.LocalServices;
import io.envclone.cli.local.StateDirectory;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code envclone demo}: the whole product on one machine, the first thing a newcomer runs. A real
 * PostgreSQL started here holds the demo production database (a loft-rental company, personal
 * data everywhere); the three services start in their own processes on a Kafka in this one, as in
 * the cluster; the sample TestEnvironment and CloneRequest from {@code deploy/samples/} go through
 * the same safety guard and orchestration as the operator's; the copy lands anonymized and
 * validated beside the source, and its report is printed and written.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally: embedded PostgreSQL with the demo production database,",
            "Kafka and the three services, the sample manifests of deploy/samples/, progress, the report."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage", "3:refused by a safety check", "4:validation failed"})
public final class DemoCommand implements Callable<Integer> {

    static final String SOURCE = "lofts";

    @Spec
    CommandSpec spec;

    @Mixin
    DemoDataOptions data;

    @Option(names = {"-f", "--file"}, paramLabel = "environment.yaml",
            description = "The TestEnvironment to run (default deploy/samples/test-environment.yaml).")
    Path environmentFile;

    @Option(names = "--clone-request", paramLabel = "clone-request.yaml",
            description = "The CloneRequest whose parallelism, batch size and confirm apply (default deploy/samples/clone-request.yaml).")
    Path cloneRequestFile;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the report (default envclone-report-<environment>.md).")
    Path report;

    @Option(names = "--keep-running", negatable = true,
            description = "Keep PostgreSQL up until Enter is pressed, to look at the copy (default: when run from a terminal).")
    Boolean keepRunning;

    @Mixin
    OutputOptions output;

    @Mixin
    io.envclone.cli.commands.StallOption stall;

    private final Map<String, String> environment;

    public DemoCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        DemoOptions options = data.options(spec);
        Path root = LocalServices.root();
        TestEnvironmentSpec manifest;
        CloneRequestSpec request;
        try {
            manifest = Manifests.testEnvironment(or(environmentFile, root.resolve("deploy/samples/test-environment.yaml")))
                    .getSpec();
            request = Manifests.cloneRequest(or(cloneRequestFile, root.resolve("deploy/samples/clone-request.yaml")))
                    .getSpec();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = output.json() ? spec.commandLine().getErr() : out;
        Steps steps = new Steps(progress);
        Path state = Files.createTempDirectory("envclone-demo-");
        try (EmbeddedPostgresServer server = steps.run("Starting PostgreSQL", EmbeddedPostgresServer::start)) {
            server.createDatabase(SOURCE);
            steps.run("Generating the demo production database " + SOURCE + " (" + data.describe() + ")",
                    () -> {
                        try (Connection connection = server.connect(SOURCE)) {
                            return GenerateDemoCommand.generate(connection, options, progress);
                        }
                    });
            DatabaseUrl source = new DatabaseUrl(EmbeddedPostgresServer.SUPERUSER, server.host(), server.port(), SOURCE, "");
            String name = manifest.target() == null ? "lofts-test" : manifest.target().environment();
            // the manifest's target server is the cluster's; here it is the embedded one, beside the source
            EnvironmentPlan plan = new EnvironmentPlan(source, source.withDatabase(name), manifest.type(),
                    manifest.source() == null ? null : manifest.source().schemas(),
                    manifest.source() == null ? null : manifest.source().tables(), Map.of(),
                    manifest.anonymization() == null ? null : manifest.anonymization().ruleSet(), null,
                    manifest.validation(), manifest.retention(), request.parallelism(), request.batchSize(),
                    name.equals(request.confirm()));
            CloneRun.Settings settings = new CloneRun.Settings(new StateDirectory(state), LocalRuntime.External.NONE, root,
                    report, output.json(), System.console() != null, true, "envclone-demo", environment, () -> false,
                    stall.stallTimeout());
            int status = new CloneRun(settings, out, spec.commandLine().getErr()).run(plan);
            if (status == ExitCode.DONE && shouldKeepRunning()) {
                waitForEnter(out);
            }
            return status;
        } finally {
            deleteQuietly(state);
        }
    }

    private static Path or(Path given, Path fallback) {
        return given != null ? given : fallback;
    }

    private boolean shouldKeepRunning() {
        return keepRunning != null ? keepRunning : !output.json() && System.console() != null;
    }

    private static void waitForEnter(PrintWriter out) {
        out.println();
        out.println("PostgreSQL runs until you press Enter (the source and the copy are deleted then).");
        out.flush();
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            // no input to wait on: stop now
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
