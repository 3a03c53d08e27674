package io.envclone.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.envclone.api.secret.Secret;
import io.envclone.cli.ExitCode;
import io.envclone.cli.OutputFormat;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.demo.DemoSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code envclone generate-demo}: the demo production database alone (a loft-rental company, with
 * personal data everywhere), into an embedded PostgreSQL or a database the user names, for
 * benchmarks and for trying {@code envclone clone} on a server of one's own.
 */
@Command(name = "generate-demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded PostgreSQL and generate the demo production database into it",
            "(or into --database-url), print its summary and how to connect."})
public final class GenerateDemoCommand implements Callable<Integer> {

    static final String DEFAULT_DATABASE = "lofts_production";

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "0.1", description = "Size: 1 is about a million rows (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Fill this empty database instead of starting one: jdbc:postgresql://host:port/database."
                    + " Password from the PGPASSWORD environment variable.")
    String databaseUrl;

    @Option(names = "--user", description = "User name for --database-url.")
    String user;

    @Option(names = "--keep-running", negatable = true,
            description = "Keep the embedded server up until Enter is pressed (default: when run from a terminal).")
    Boolean keepRunning;

    @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    OutputFormat output;

    private final Map<String, String> environment;

    public GenerateDemoCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DemoOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        // With --output json, stdout carries only the JSON document: progress goes to stderr.
        PrintWriter progress = output == OutputFormat.JSON ? spec.commandLine().getErr() : out;
        Steps steps = new Steps(progress);
        try (DemoTarget target = steps.run("Starting PostgreSQL", this::openTarget)) {
            DemoSummary summary = steps.run("Generating the demo production database (scale " + scale + ", seed " + seed + ")",
                    () -> generate(target, options, progress));
            DemoReport report = DemoReport.of(summary, target);
            print(report, summary, out);
            if (target.ephemeral() && shouldKeepRunning()) {
                waitForEnter(out);
            }
            return ExitCode.DONE;
        } catch (StepFailure failure) {
            spec.commandLine().getErr().println("envclone generate-demo: " + failure.getMessage());
            return ExitCode.FAILED;
        }
    }

    private DemoOptions options() {
        try {
            return new DemoOptions(scale, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    private DemoTarget openTarget() {
        if (databaseUrl == null) {
            return EmbeddedDemoTarget.start(DEFAULT_DATABASE);
        }
        try {
            return new ExternalDemoTarget(databaseUrl, Optional.ofNullable(user),
                    Optional.ofNullable(environment.get("PGPASSWORD")).map(Secret::of));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static DemoSummary generate(DemoTarget target, DemoOptions options, PrintWriter progress) throws SQLException {
        try (Connection connection = target.connect()) {
            return new DemoDatabaseGenerator().generate(connection, options, (table, rows) ->
                    progress.printf(Locale.ROOT, "    %-36s %,10d rows%n", table, rows));
        }
    }

    private void print(DemoReport report, DemoSummary summary, PrintWriter out) {
        if (output == OutputFormat.JSON) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the report as JSON", e);
            }
            return;
        }
        out.println();
        out.print(summary.render());
        out.println();
        out.println("Connect to it:");
        if (!report.psql().isEmpty()) {
            out.println("  " + report.psql());
        }
        out.println("  JDBC: " + report.jdbcUrl());
        out.println("Try: select full_name, email, phone, iban from users limit 5;");
    }

    private boolean shouldKeepRunning() {
        return keepRunning != null ? keepRunning : output == OutputFormat.TEXT && System.console() != null;
    }

    private static void waitForEnter(PrintWriter out) {
        out.println();
        out.println("The server runs until you press Enter (its data is deleted then).");
        out.flush();
        try {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            // no input to wait on: stop now
        }
    }
}
