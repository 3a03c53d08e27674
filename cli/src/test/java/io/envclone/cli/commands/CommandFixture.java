package io.envclone.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envclone.cli.EnvcloneCli;
import io.envclone.cli.ExitCode;
import io.envclone.cli.local.LocalServices;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the command tests share: the three services started once for the test JVM (a command
 * starting its own costs about 15 s, so the tests give theirs with --cloner-url and friends), the
 * demo source, the command run in this process, and environments built by {@code envclone clone}.
 */
final class CommandFixture {

    static final String SOURCE = "ops_source";
    /** In PGPASSWORD for every run: no output and no file may ever show it. */
    static final String PASSWORD = "never-Printed-s3cret";
    private static final ObjectMapper JSON = new ObjectMapper();
    // the control databases are the superuser's, as `envclone clone` makes them on the same server (CloneCommandTest)
    private static final String ROLE = EmbeddedPostgresServer.SUPERUSER;
    private static final String ROLE_PASSWORD = "unused-by-trust";
    private static CommandFixture shared;

    final EmbeddedPostgresServer server;
    final Path state;
    private final LocalServices services;

    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        String all() {
            return out + err;
        }
    }

    private CommandFixture(EmbeddedPostgresServer server, Path state, LocalServices services) {
        this.server = server;
        this.state = state;
        this.services = services;
    }

    static synchronized CommandFixture shared(RealInfrastructure infra) throws Exception {
        if (shared == null) {
            EmbeddedPostgresServer server = infra.postgres();
            for (String control : List.of("envclone_cloner", "envclone_validator")) {
                server.createDatabase(control);
            }
            server.dropDatabase(SOURCE);
            server.createDatabase(SOURCE);
            try (Connection source = server.connect(SOURCE)) {
                new DemoDatabaseGenerator().generate(source, new DemoOptions(0.01, 3));
            }
            LocalServices services = LocalServices.start(LocalServices.root(), infra.kafka().bootstrapServers(),
                    new LocalServices.ControlDatabase("localhost", server.port(), ROLE, ROLE_PASSWORD),
                    Path.of("target", "command-logs"), true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    services.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "command-fixture-stop"));
            shared = new CommandFixture(server, Files.createTempDirectory("envclone-ops-state-"), services);
        }
        return shared;
    }

    /** {@code envclone args...} in this process, with the shared services' URLs appended. */
    Run envclone(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cloner-url", services.cloner().baseUrl(), "--anonymizer-url",
                services.anonymizer().baseUrl(), "--validator-url", services.validator().baseUrl()));
        return envcloneAlone(all.toArray(String[]::new));
    }

    /** {@code envclone args...} as given: a command that needs services starts its own. */
    Run envcloneAlone(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EnvcloneCli.run(args, Map.of("ENVCLONE_STATE_DIR", state.toString(), "USER", "ops-test",
                "PGPASSWORD", PASSWORD), new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(status, out.toString(), err.toString());
        assertThat(run.all()).as("what envclone printed").doesNotContain(PASSWORD);
        return run;
    }

    /** The shared validator's base URL, for tests that call its API as the operator will. */
    String validatorUrl() {
        return services.validator().baseUrl();
    }

    String url(String database) {
        return "postgresql://postgres@localhost:" + server.port() + "/" + database;
    }

    /** {@code environment}, made (or replaced, {@code --yes}) from the source by {@code envclone clone}; its clone id. */
    String cloned(String environment) throws IOException {
        Run run = envclone("clone", "--source", url(SOURCE), "--target", url(environment), "--rules",
                LocalServices.root().resolve("deploy/samples/demo-rules.yaml").toString(), "--allow-same-server", "--yes",
                "--report", state.resolve(environment + "-report.md").toString(), "--output", "json");
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.DONE);
        return run.json().get("cloneId").asText();
    }

    void dropEnvironment(String environment) {
        for (String suffix : List.of("", "__build", "__previous", "__pristine")) {
            server.dropDatabase(environment + suffix);
        }
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Rows of every table (partitions on their own), by table, counted by the server in one query. */
    Map<String, Long> counts(String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement();
                ResultSet table = sql.executeQuery("""
                        select schemaname || '.' || tablename, (xpath('/row/n/text()', query_to_xml(format(
                            'select count(*) as n from only %I.%I', schemaname, tablename), false, true, '')))[1]::text
                        from pg_tables where schemaname not in ('pg_catalog', 'information_schema')""")) {
            while (table.next()) {
                counts.put(table.getString(1), Long.parseLong(table.getString(2)));
            }
        }
        return counts;
    }
}
