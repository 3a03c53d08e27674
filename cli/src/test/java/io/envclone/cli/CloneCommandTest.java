package io.envclone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envclone.cli.local.CopyInspection;
import io.envclone.cli.local.LocalServices;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command end to end as a user runs it: {@code envclone clone} starting its own Kafka and
 * services, a copy that is anonymized, complete and valid; the refusals that write nothing; a
 * clone killed mid-way that resumes to exactly the source's rows; and the README's first command.
 */
@ExtendWith(RealInfrastructureExtension.class)
class CloneCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "e2e_source";

    private static EmbeddedPostgresServer server;

    @TempDir
    Path state;

    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void source(RealInfrastructure infra) throws Exception {
        server = infra.postgres();
        server.dropDatabase(SOURCE);
        server.createDatabase(SOURCE);
        try (Connection connection = server.connect(SOURCE)) {
            new DemoDatabaseGenerator().generate(connection, new DemoOptions(0.02, 11));
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("ENVCLONE_STATE_DIR", state.toString());
        environment.put("USER", "e2e");
        return environment;
    }

    private Run envclone(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EnvcloneCli.run(args, environment(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static String url(String database) {
        return "postgresql://postgres@localhost:" + server.port() + "/" + database;
    }

    private static String[] clone(String source, String target, String... more) {
        List<String> args = new ArrayList<>(List.of("clone", "--source", url(source), "--target", url(target),
                "--rules", LocalServices.root().resolve("deploy/samples/demo-rules.yaml").toString(),
                "--allow-same-server", "--output", "json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void dropEnvironment(String environment) {
        for (String suffix : List.of("", "__build", "__previous", "__pristine")) {
            server.dropDatabase(environment + suffix);
        }
    }

    @Test
    void aCloneIsAnonymizedCompleteAndValidAndSaysHowToConnect() throws Exception {
        dropEnvironment("e2e-test");
        server.createDatabase("e2e-test"); // made empty by a DBA, as for pg_dump | psql: adopted, no --yes needed
        Path report = state.resolve("report.md");

        Run run = envclone(clone(SOURCE, "e2e-test", "--report", report.toString()));

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.DONE);
        JsonNode outcome = run.json();
        assertThat(outcome.get("phase").asText()).isEqualTo("Ready");
        assertThat(outcome.get("reportPassed").asBoolean()).isTrue();
        assertThat(outcome.get("connect").asText()).isEqualTo("psql \"" + url("e2e-test") + "\"");
        assertThat(Files.readString(report)).contains("PASSED", "schema parity", "no source value in the copy");
        assertThat(CopyInspection.counts(server, "e2e-test")).isEqualTo(CopyInspection.counts(server, SOURCE));
        assertThat(CopyInspection.validForeignKeys(server, "e2e-test"))
                .isEqualTo(CopyInspection.validForeignKeys(server, SOURCE)).isNotEmpty();
        assertThat(CopyInspection.leaks(server, SOURCE, "e2e-test", CopyInspection.DEMO_PERSONAL))
                .as("source values found in the copy, by column").isEmpty();
        assertThat(run.err()).contains("[Cloning", "[Ready", "an existing database that holds nothing: adopted")
                .doesNotContain("password");
        assertThat(state.resolve("clones")).isEmptyDirectory();
    }

    @Test
    void theSourceAsTargetIsRefusedAndNothingIsWritten() throws Exception {
        List<String> before = server.databases();

        Run run = envclone(clone(SOURCE, SOURCE));

        assertThat(run.status()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("refused, nothing was started or written",
                "spec.target.environment: the target is the source itself");
        assertThat(run.json().get("phase").asText()).isEqualTo("Refused");
        assertThat(server.databases()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(state.resolve("clones")).doesNotExist();
    }

    @Test
    void anExistingTargetIsReplacedOnlyWithYesAndARollbackBringsItBack() throws Exception {
        dropEnvironment("e2e-existing");
        server.createDatabase("e2e-existing");
        try (Connection existing = server.connect("e2e-existing")) {
            existing.createStatement().execute("create table kept (id int); insert into kept values (1)");
        }
        List<String> before = server.databases();

        Run run = envclone(clone(SOURCE, "e2e-existing"));

        assertThat(run.status()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err()).contains("e2e-existing exists and this clone replaces it", "--yes");
        assertThat(server.databases()).containsExactlyInAnyOrderElementsOf(before);
        try (Connection existing = server.connect("e2e-existing");
                var rows = existing.createStatement().executeQuery("select count(*) from kept")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }

        Run replaced = envclone(clone(SOURCE, "e2e-existing", "--yes"));
        assertThat(replaced.status()).as(replaced.err()).isEqualTo(ExitCode.DONE);
        assertThat(CopyInspection.counts(server, "e2e-existing")).isEqualTo(CopyInspection.counts(server, SOURCE));
        assertThat(CopyInspection.counts(server, "e2e-existing__previous")).as("the DBA's database, kept")
                .containsEntry("public.kept", 1L);

        Run rollback = envclone("rollback", "e2e-existing", "--target", url("postgres"), "--yes");
        assertThat(rollback.status()).as(rollback.err()).isEqualTo(ExitCode.DONE);
        assertThat(CopyInspection.counts(server, "e2e-existing")).as("the original back, table by table")
                .isEqualTo(Map.of("public.kept", 1L));
    }

    @Test
    void aSupabaseShapedDatabaseKeepsItsPlatformSchemasAndSwitchesInsideItself() throws Exception {
        dropEnvironment("e2e-project");
        server.createDatabase("e2e-project"); // a project: one database, its platform's schemas already there
        try (Connection project = server.connect("e2e-project"); var sql = project.createStatement()) {
            sql.execute("create schema auth");
            sql.execute("create schema storage");
            sql.execute("create table auth.users (id uuid primary key, email text)");
            sql.execute("insert into auth.users values ('00000000-0000-0000-0000-000000000001', 'trainee@example.test')");
        }
        Map<String, Long> platform = platformTables("e2e-project");

        // nothing of the users' own is there, so no --yes: the platform's schemas are not the clone's to replace
        Run first = envclone(clone(SOURCE, "e2e-project"));
        assertThat(first.status()).as(first.err()).isEqualTo(ExitCode.DONE);
        assertThat(first.json().get("layout").asText()).startsWith("one database: e2e-project is a Supabase project's");
        assertThat(first.json().get("reportPassed").asBoolean()).isTrue();
        assertThat(server.databases()).as("no database beside it").noneMatch(name -> name.startsWith("e2e-project__"));
        assertThat(copyTables("e2e-project")).isEqualTo(CopyInspection.counts(server, SOURCE));
        assertThat(CopyInspection.leaks(server, SOURCE, "e2e-project", CopyInspection.DEMO_PERSONAL)).isEmpty();
        assertThat(platformTables("e2e-project")).as("the platform's schemas, untouched").isEqualTo(platform);
        try (Connection project = server.connect("e2e-project"); var sql = project.createStatement();
                var row = sql.executeQuery("select count(*) from pg_namespace where nspname like '%\\_\\_%'")) {
            row.next();
            assertThat(row.getLong(1)).as("the database's own empty public is replaced, not kept beside").isZero();
        }
        String firstClone = liveClone("e2e-project");

        // a refresh switches inside the database; rollback brings the first copy back
        Run second = envclone(clone(SOURCE, "e2e-project", "--yes"));
        assertThat(second.status()).as(second.err()).isEqualTo(ExitCode.DONE);
        try (Connection project = server.connect("e2e-project"); var sql = project.createStatement();
                var row = sql.executeQuery("select count(*) from public__previous.users")) {
            row.next();
            assertThat(row.getLong(1)).as("the first copy, kept beside").isEqualTo(CopyInspection.counts(server, SOURCE)
                    .get("public.users"));
        }
        Run rollback = envclone("rollback", "e2e-project", "--target", url("postgres"), "--yes");
        assertThat(rollback.status()).as(rollback.err()).isEqualTo(ExitCode.DONE);
        assertThat(liveClone("e2e-project")).isEqualTo(firstClone).isNotEqualTo(JSON.readTree(second.out())
                .get("cloneId").asText());
        Run status = envclone("status", "e2e-project", "--target", url("postgres"), "--output", "json");
        assertThat(status.status()).as(status.err()).isEqualTo(ExitCode.DONE);
        assertThat(status.json().path("state").path("cloneId").asText()).isEqualTo(firstClone);
        assertThat(status.json().path("state").path("copies").toString()).contains("e2e-project (schemas audit__previous,"
                + " public__previous)");
        assertThat(copyTables("e2e-project")).isEqualTo(CopyInspection.counts(server, SOURCE));
        assertThat(platformTables("e2e-project")).isEqualTo(platform);
        Run reset = envclone("reset", "e2e-project", "--target", url("postgres"), "--yes");
        assertThat(reset.status()).as("no pristine copy inside one database: said, nothing changed")
                .isEqualTo(ExitCode.FAILED);
        assertThat(reset.err()).contains("keeps its copies as schemas inside its one database, where a reset is not"
                + " built yet");
        assertThat(liveClone("e2e-project")).isEqualTo(firstClone);
    }

    /** The copy's tables in a database that holds more than the copy. */
    private static Map<String, Long> copyTables(String database) throws Exception {
        Map<String, Long> tables = new java.util.TreeMap<>(CopyInspection.counts(server, database));
        tables.keySet().removeIf(table -> !table.startsWith("public.") && !table.startsWith("audit."));
        return tables;
    }

    private static Map<String, Long> platformTables(String database) throws Exception {
        Map<String, Long> tables = new java.util.TreeMap<>(CopyInspection.counts(server, database));
        tables.keySet().removeIf(table -> !table.startsWith("auth.") && !table.startsWith("storage."));
        return tables;
    }

    /** The clone the environment is now, as envclone records it inside the database. */
    private static String liveClone(String database) throws Exception {
        try (Connection connection = server.connect(database); var sql = connection.createStatement();
                var row = sql.executeQuery("select (substr(marker, length('envclone:') + 1)::jsonb)->>'cloneId'"
                        + " from envclone_environment.copy where role = 'live'")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void aPasswordOnTheCommandLineIsBadUsageAndNeverEchoed() {
        Run run = envclone("clone", "--source", "postgresql://app:hunter2@db:5432/lofts", "--target", url("x"));

        assertThat(run.status()).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(run.err()).contains("--source holds a password", "PGPASSWORD").doesNotContain("hunter2");
    }

    @Test
    void aCloneKilledMidWayResumesToExactlyTheSourcesRows(RealInfrastructure infra) throws Exception {
        String big = "e2e_resume_source";
        server.dropDatabase(big);
        server.createDatabase(big);
        try (Connection connection = server.connect(big)) {
            new DemoDatabaseGenerator().generate(connection, new DemoOptions(0.1, 5));
        }
        dropEnvironment("e2e-resume");
        String[] args = clone(big, "e2e-resume", "--parallel", "1", "--batch-size", "500");
        Process first = childEnvclone(args);
        Path record = state.resolve("clones").resolve("e2e-resume.json");
        awaitRowsLanded(record, first, Duration.ofMinutes(3));
        List<ProcessHandle> services = first.toHandle().descendants().toList();
        first.destroyForcibly().waitFor();
        awaitGone(services, Duration.ofSeconds(30));
        assertThat(record).as("the interrupted clone is kept for the next run").exists();
        Run resumed = envclone(args);

        assertThat(resumed.status()).as(resumed.err()).isEqualTo(ExitCode.DONE);
        assertThat(resumed.json().get("resumed").asBoolean()).isTrue();
        assertThat(CopyInspection.counts(server, "e2e-resume")).isEqualTo(CopyInspection.counts(server, big));
        assertThat(record).doesNotExist();
    }

    /** The command in its own JVM, so it can be killed as a CI job's is. */
    private Process childEnvclone(String[] args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EnvcloneCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve("first-run.log").toFile());
        builder.environment().putAll(environment());
        builder.environment().put("ENVCLONE_HOME", LocalServices.root().toString());
        return builder.start();
    }

    private void awaitRowsLanded(Path record, Process run, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(run.isAlive()).as("the first run ended before it was killed: %s",
                    Files.exists(state.resolve("first-run.log")) ? tail(state.resolve("first-run.log")) : "").isTrue();
            if (Files.isRegularFile(record)) {
                try {
                    JsonNode status = JSON.readTree(record.toFile()).get("status");
                    // rows land from the first batch the cloner sends until the finish has them all
                    boolean inFlight = List.of("Cloning", "Finishing").contains(status.get("phase").asText());
                    if (inFlight && status.get("progress").get("rowsLanded").asLong() > 0) {
                        return;
                    }
                } catch (IOException halfWritten) {
                    // read again
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no rows landed within " + timeout + ": " + tail(state.resolve("first-run.log")));
    }

    /** The services of a killed command stop by themselves (ParentProcessWatch). */
    private static void awaitGone(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(processes).as("services left running after their command was killed")
                .noneMatch(ProcessHandle::isAlive);
    }

    private static String tail(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        }
    }
}
