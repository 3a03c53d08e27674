package io.envclone.validator.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.batch.TableBatch;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.source.SequenceValue;
import io.envclone.service.catalog.CatalogAnalysis;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.sql.SequenceValues;
import io.envclone.validator.check.CheckResult;
import io.envclone.validator.check.EnvironmentChecks;
import io.envclone.validator.check.FunctionalitySuite;
import io.envclone.validator.check.SchemaParity;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.DemoTargets;
import io.envclone.validator.report.EnvironmentValidation;
import io.envclone.validator.report.ValidationReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An environment inside the one database a role without {@code CREATEDB} was given, on a real server:
 * the layout is chosen from the role, the DBA's own tables are replaced only on confirmation, the copy
 * is built in build schemas while the environment stays up, validated under its final names inside
 * the switching transaction (a failed validation changes nothing), and a refresh is rolled back by
 * schema renames. Views, a function with its own {@code search_path}, a {@code BEGIN ATOMIC} function,
 * policies and triggers work after the switch, and a schema that is not the copy's is left alone.
 */
@ExtendWith(RealInfrastructureExtension.class)
class OneDatabaseEnvironmentTest {

    private static final String SOURCE = "onedb_source";
    private static final String WRITER = "onedb_writer";
    private static final Duration RETENTION = Duration.ofDays(7);
    /** Objects that name schemas in text: a function with its own search_path, an atomic body, a view over both. */
    private static final String NAMED_BY_TEXT = """
            create function public.lofts_in(p_city text) returns bigint language sql stable set search_path = public
              as $$ select count(*) from lofts where city = p_city $$;
            create function public.loft_total() returns bigint language sql stable begin atomic
              select count(*) from public.lofts; end;
            create view public.lofts_by_city as select city, public.lofts_in(city) as lofts, public.loft_total() as total
              from public.lofts group by city""";
    private static final String VIEW_STATE = "select string_agg(city || '=' || lofts || '/' || total, ',' order by city)"
            + " from public.lofts_by_city";

    private static EmbeddedPostgresServer server;
    private static MigrationScript script;
    private static Map<String, SequenceValue> sequences;
    private static Map<String, Long> sourceCounts;
    private static String sourceView;

    @BeforeAll
    static void source(RealInfrastructure infra) throws Exception {
        server = infra.postgres();
        server.dropDatabase(SOURCE);
        server.createDatabase(SOURCE);
        try (Connection source = server.connect(SOURCE)) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            try (Statement sql = source.createStatement()) {
                for (String statement : NAMED_BY_TEXT.split(";\n")) {
                    sql.execute(statement);
                }
            }
            source.setAutoCommit(false);
            script = MigrationScript.forEmptyTarget(CatalogAnalysis.read(source));
            source.rollback();
            source.setAutoCommit(true);
            sequences = SequenceValues.read(source);
            sourceCounts = DemoTargets.counts(source);
            sourceView = single(source, VIEW_STATE);
        }
    }

    @Test
    void theLayoutFollowsTheRoleAndTheDatabase() throws Exception {
        DatabaseNames names = writersDatabase("onedb-layout");
        try (Connection superuser = server.connect("postgres"); Connection maintenance = writer("postgres");
                Connection environment = writer(names.live())) {
            assertThat(EnvironmentLayout.choose(superuser, null, names.live()).kind())
                    .isEqualTo(EnvironmentLayout.Kind.DATABASES);
            assertThat(EnvironmentLayout.choose(maintenance, environment, names.live()).reason())
                    .isEqualTo("one database: role onedb_writer may not create databases, so the copies of onedb-layout"
                            + " are schemas inside it");
            assertThatThrownBy(() -> EnvironmentLayout.choose(maintenance, null, "onedb-missing"))
                    .hasMessageContaining("createdb onedb-missing");
            supabaseSchemas(names.live());
            try (Connection superuserThere = server.connect(names.live())) {
                assertThat(EnvironmentLayout.choose(superuser, superuserThere, names.live()).reason())
                        .startsWith("one database: onedb-layout is a Supabase project's");
            }
        }
    }

    @Test
    void cloneIntoOneDatabaseSwitchByRenamesAndRollBack() throws Exception {
        DatabaseNames names = writersDatabase("onedb-env");
        try (Connection theirs = writer(names.live()); Statement sql = theirs.createStatement()) {
            sql.execute("create table public.ledger (id int primary key, note text)");
            sql.execute("insert into public.ledger select g, 'entry ' || g from generate_series(1, 42) g");
        }
        supabaseSchemas(names.live());
        String platform = platformState(names.live());
        CopySchemas schemas = CopySchemas.of(script.preData());
        assertThat(schemas.schemas()).containsExactly("audit", "public");
        EnvironmentCopies copies = EnvironmentCopies.oneDatabase(names, schemas, OneDatabaseEnvironmentTest::writer);

        // the DBA's table is replaced only on confirmation, and a refusal leaves nothing behind
        assertThatThrownBy(() -> copies.prepare("training", "clone-1", script.preData(), false))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("holds objects envclone did not make in the schemas a clone replaces (relation"
                        + " public.ledger")
                .hasMessageContaining("kept as the schemas audit__previous, public__previous, which a rollback brings back");
        assertThat(single(names.live(), "select count(*) from pg_namespace where nspname like '%\\_\\_build'")).isEqualTo("0");

        // built beside the environment, which stays up; a restarted validator finds the build again
        land(copies, "clone-1");
        assertThat(single(names.live(), "select count(*) || '/' || sum(id) from public.ledger")).isEqualTo("42/903");

        // a copy that fails its validation is rolled back with the renames: the environment never sees it
        assertThat(copies.validateAndSwitch(RETENTION, Instant.now(), copy -> {
            assertThat(single(copy, "select count(*) from public.lofts")).isEqualTo(String.valueOf(sourceCounts.get("public.lofts")));
            return false;
        })).isFalse();
        assertThat(single(names.live(), "select count(*) || '/' || sum(id) from public.ledger")).isEqualTo("42/903");
        assertThat(single(names.live(), "select to_regclass('public.lofts') is null")).isEqualTo("t");

        // the validator's checks, under the final names inside the switching transaction, pass; the switch commits
        ValidationReport[] report = new ValidationReport[1];
        assertThat(copies.validateAndSwitch(RETENTION, Instant.now(), copy -> {
            report[0] = EnvironmentValidation.run(copy, new EnvironmentValidation.Plan(names.live(), "clone-1", sourceCounts,
                    null, null, FunctionalitySuite.Expectations.defaults(), List.of()), List.of(
                            EnvironmentValidation.timed("schema", () -> SchemaParity.check(copy, script))));
            return report[0].passed();
        })).as(() -> report[0].sections().stream().flatMap(section -> section.checks().stream())
                .filter(check -> !check.passed()).map(CheckResult::detail).toList().toString()).isTrue();
        try (Connection live = writer(names.live())) {
            assertThat(DemoTargets.counts(live)).isEqualTo(sourceCounts);
            assertThat(SequenceValues.read(live)).containsAllEntriesOf(sequences);
            assertThat(EnvironmentChecks.foreignKeys(live)).isNotEmpty().allMatch(CheckResult::passed);
            assertThat(single(live, VIEW_STATE)).as("a view over functions that name schemas in text").isEqualTo(sourceView);
            long logged = Long.parseLong(single(live, "select count(*) from audit.audit_log"));
            try (Statement sql = live.createStatement()) {
                sql.execute("update public.users set full_name = full_name where id = (select min(id) from public.users)");
            }
            assertThat(Long.parseLong(single(live, "select count(*) from audit.audit_log"))).as("the audit trigger's"
                    + " function, which names its table in text, writes to the environment's audit schema")
                    .isEqualTo(logged + 1);
        }
        assertThat(single(names.live(), "select count(*) || '/' || sum(id) from public__previous.ledger")).isEqualTo("42/903");
        assertThat(platformState(names.live())).as("the platform's schemas are left alone").isEqualTo(platform);
        try (Connection database = writer(names.live())) {
            Map<String, Long> bytes = new OneDatabaseCopies(database).bytesByRole(schemas);
            System.out.printf("one-database environment on disk: %s bytes%n", bytes);
            assertThat(bytes.get("live")).isPositive();
        }

        // a refresh switches over inside the database; rollback brings the first clone back, and again
        land(copies, "clone-2");
        assertThat(copies.validateAndSwitch(RETENTION, Instant.now(), copy -> true)).isTrue();
        assertThat(roles(names.live())).isEqualTo(Map.of("live", "clone-2", "previous", "clone-1"));
        try (Connection database = writer(names.live())) {
            new OneDatabaseCopies(database).rollback(names, RETENTION, Instant.now());
        }
        assertThat(roles(names.live())).isEqualTo(Map.of("live", "clone-1", "previous", "clone-2"));
        assertThat(single(names.live(), VIEW_STATE)).isEqualTo(sourceView);
        assertThat(single(names.live(), "select public.loft_total()")).isEqualTo(String.valueOf(sourceCounts.get("public.lofts")));

        // a failed refresh leaves the environment alone and its build removed
        copies.prepare("training", "clone-3", script.preData(), false);
        copies.discard();
        assertThat(single(names.live(), "select count(*) from pg_namespace where nspname like '%\\_\\_build'")).isEqualTo("0");
        assertThat(roles(names.live())).isEqualTo(Map.of("live", "clone-1", "previous", "clone-2"));
    }

    @Test
    void anExtensionInASwitchedSchemaIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> CopySchemas.of(List.of("CREATE SCHEMA IF NOT EXISTS public",
                "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public")))
                .hasMessageStartingWith("extension citext lives in schema public")
                .hasMessageContaining("or clone into a database of its own");
        assertThat(CopySchemas.of(List.of("CREATE SCHEMA IF NOT EXISTS public", "CREATE SCHEMA IF NOT EXISTS extensions",
                "CREATE SCHEMA IF NOT EXISTS auth", "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA extensions"))
                .schemas()).as("the platform's schemas are never switched").containsExactly("public");
    }

    private static void land(EnvironmentCopies copies, String cloneId) throws Exception {
        assertThat(copies.prepare("training", cloneId, script.preData(), true)).isEqualTo(EnvironmentBuild.Prepared.CREATED);
        List<TableBatch> batches;
        try (Connection source = server.connect(SOURCE)) {
            batches = SourceBatches.batches(source, cloneId, 400);
        }
        try (Connection copy = writer(copies.landingDatabase())) {
            BatchLander lander = new BatchLander(copy, copies.landingSchema());
            for (TableBatch batch : batches.subList(0, batches.size() / 2)) {
                lander.land(batch);
            }
        }
        assertThat(copies.prepare("training", cloneId, script.preData(), false)).isEqualTo(EnvironmentBuild.Prepared.RESUMED);
        try (Connection copy = writer(copies.landingDatabase())) {
            BatchLander lander = new BatchLander(copy, copies.landingSchema());
            for (TableBatch batch : batches) {
                lander.land(batch);
            }
        }
        copies.finish(script.postData(), sequences);
    }

    /** A database a DBA made for the environment, owned by a role that may not create databases. */
    private static DatabaseNames writersDatabase(String name) {
        server.dropDatabase(name);
        server.createDatabase(name);
        server.createLoginRole(WRITER, "writer", name);
        return new DatabaseNames(name);
    }

    /** What a Supabase project has beside the application: schemas the platform owns, with rows in them. */
    private static void supabaseSchemas(String database) throws SQLException {
        try (Connection platform = server.connect(database); Statement sql = platform.createStatement()) {
            sql.execute("create schema if not exists auth");
            sql.execute("create schema if not exists storage");
            sql.execute("create table if not exists auth.users (id uuid primary key, email text)");
            sql.execute("insert into auth.users values (gen_random_uuid(), 'someone@example.test') on conflict do nothing");
            sql.execute("grant usage on schema auth to " + WRITER);
        }
    }

    private static String platformState(String database) throws SQLException {
        try (Connection platform = server.connect(database)) {
            return single(platform, "select string_agg(n.nspname || '.' || c.relname || ':' || c.oid, ',' order by 1)"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('auth', 'storage')")
                    + single(platform, "select string_agg(email, ',') from auth.users");
        }
    }

    private static Map<String, String> roles(String database) throws SQLException {
        try (Connection connection = writer(database)) {
            OneDatabaseCopies copies = new OneDatabaseCopies(connection);
            Map<String, String> roles = new java.util.TreeMap<>();
            for (String role : List.of("live", "build", "previous")) {
                copies.copy(role).ifPresent(copy -> roles.put(role, copy.marker().cloneId()));
            }
            return roles;
        }
    }

    private static Connection writer(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), WRITER, "writer");
    }

    private static String single(String database, String query) throws SQLException {
        try (Connection connection = server.connect(database)) {
            return single(connection, query);
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
