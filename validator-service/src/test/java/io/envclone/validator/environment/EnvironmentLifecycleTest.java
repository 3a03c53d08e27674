package io.envclone.validator.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.batch.TableBatch;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.schema.SchemaDiff;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.source.SequenceValue;
import io.envclone.service.catalog.CatalogAnalysis;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.sql.SequenceValues;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.validator.check.CheckResult;
import io.envclone.validator.check.EnvironmentChecks;
import io.envclone.validator.check.SchemaParity;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.DemoTargets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An environment's life on a real server: built beside the live one from the pre-data DDL, filled,
 * finished (schema equal to the source's, sequences set), switched to, changed by a training
 * session, reset, given a scenario, refreshed, rolled back, and a failed refresh that leaves it
 * alone.
 */
@ExtendWith(RealInfrastructureExtension.class)
class EnvironmentLifecycleTest {

    private static final String SOURCE = "lifecycle_source";
    private static final String STATE = "select (select count(*) from public.users) || '/' || (select count(*) from public.messages)"
            + " || '/' || (select md5(string_agg(email::text, ',' order by id)) from public.users)";
    private static final Duration RETENTION = Duration.ofDays(7);

    private static EmbeddedPostgresServer server;
    private static MigrationScript script;
    private static SchemaModel sourceModel;
    private static Map<String, SequenceValue> sequences;
    private static Map<String, Long> sourceCounts;

    @BeforeAll
    static void source(RealInfrastructure infra) throws Exception {
        server = infra.postgres();
        server.dropDatabase(SOURCE);
        server.createDatabase(SOURCE);
        try (Connection source = server.connect(SOURCE)) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            source.setAutoCommit(false);
            sourceModel = CatalogAnalysis.read(source);
            source.rollback();
            source.setAutoCommit(true);
            script = MigrationScript.forEmptyTarget(sourceModel);
            sequences = SequenceValues.read(source);
            sourceCounts = DemoTargets.counts(source);
        }
    }

    @Test
    void cloneSwitchResetScenarioRefreshRollbackAndAFailedRefresh() throws Exception {
        DatabaseNames names = new DatabaseNames("lifecycle-training");
        try (Connection maintenance = server.connect("postgres")) {
            ServerDatabases databases = new ServerDatabases(maintenance);
            new EnvironmentSwitch(databases).delete(names);
            EnvironmentBuild build = new EnvironmentBuild(databases, server::connect);
            EnvironmentSwitch switches = new EnvironmentSwitch(databases);
            Resets resets = new Resets(databases, server::connect);
            Scenarios scenarios = new Scenarios(databases, server::connect);

            // the first clone: built beside, finished, checked, switched to
            clone(build, names, "clone-a");
            assertThat(databases.exists(names.live())).as("not live before the switch").isFalse();
            switches.switchOver(names, RETENTION, Instant.now());
            assertThat(databases.exists(names.build())).isFalse();
            assertThat(databases.marker(names.pristine())).get().extracting(EnvironmentMarker::role).isEqualTo("pristine");
            try (Connection live = server.connect(names.live())) {
                assertThat(DemoTargets.counts(live)).isEqualTo(sourceCounts);
                assertThat(EnvironmentChecks.foreignKeys(live)).isNotEmpty().allMatch(CheckResult::passed);
                assertThat(EnvironmentChecks.sequences(live)).isNotEmpty().allMatch(CheckResult::passed);
                assertThat(SequenceValues.read(live)).isEqualTo(sequences);
                live.setAutoCommit(false);
                SchemaDiff diff = SchemaDiff.between(sourceModel, CatalogAnalysis.read(live));
                assertThat(diff.isEmpty()).as(diff.render()).isTrue();
                live.setAutoCommit(true);
                assertThat(SchemaParity.check(live, script)).singleElement().satisfies(parity -> {
                    assertThat(parity.passed()).as(parity.detail()).isTrue();
                    assertThat(parity.detail()).matches("\\d+ definitions, all equal to the source's");
                });
                try (Statement sql = live.createStatement()) {
                    sql.execute("begin");
                    sql.execute("drop index public.lofts_owner_id_idx");
                    sql.execute("alter table public.lofts add column wifi_code text");
                    List<CheckResult> drift = SchemaParity.check(live, script);
                    sql.execute("rollback");
                    assertThat(drift).noneMatch(CheckResult::passed).extracting(CheckResult::detail)
                            .anyMatch(detail -> detail.startsWith("missing or different in the copy: the source has"
                                    + " CREATE INDEX lofts_owner_id_idx"))
                            .anyMatch(detail -> detail.startsWith("in the copy only: CREATE TABLE public.lofts"));
                }
            }
            String pristine = state(names.live());

            // a training session changes and deletes rows; a full reset brings the pristine state back
            trainingSession(names.live());
            assertThat(state(names.live())).isNotEqualTo(pristine);
            long started = System.nanoTime();
            resets.reset(names, Resets.Mode.FULL);
            System.out.printf("full reset of the demo environment: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(state(names.live())).isEqualTo(pristine);

            // a scenario applies, is recorded, and comes back after each kind of reset
            Scenario unpaid = new Scenario("an unpaid invoice", "update public.payments set status = 'pending'"
                    + " where id = (select min(id) from public.payments where status <> 'pending');"
                    + " insert into public.notifications (user_id, kind, channel, payload) select id, 'payment_received',"
                    + " 'email', jsonb_build_object('note', :'note') from public.users order by id limit 1", Map.of("note", "pay me, it's due"));
            scenarios.apply(names, unpaid, false);
            String withScenario = scenarioState(names.live());
            assertThat(withScenario).contains("pay me, it's due");
            trainingSession(names.live());
            resets.reset(names, Resets.Mode.FULL);
            assertThat(scenarioState(names.live())).isEqualTo(withScenario);
            trainingSession(names.live());
            try (Connection live = server.connect(names.live()); Statement sql = live.createStatement()) {
                sql.execute("alter table public.lofts add column trainer_note text"); // a schema change data-only keeps
            }
            resets.reset(names, Resets.Mode.DATA_ONLY);
            assertThat(scenarioState(names.live())).isEqualTo(withScenario);
            assertThat(single(names.live(), "select count(*) from information_schema.columns where column_name = 'trainer_note'"))
                    .isEqualTo("1");
            assertThat(databases.marker(names.live()).orElseThrow().scenarios()).extracting(
                    EnvironmentMarker.AppliedScenario::name).containsExactly("an unpaid invoice");

            // a refresh that fails leaves the environment in place and its half-built copy removed
            String before = scenarioState(names.live());
            build.prepare(names, "training", "clone-failed", script.preData());
            try (Connection half = server.connect(names.build())) {
                BatchLander lander = new BatchLander(half);
                for (TableBatch batch : batchesOf("clone-failed").subList(0, 3)) {
                    lander.land(batch);
                }
            }
            build.discard(names);
            assertThat(databases.exists(names.build())).isFalse();
            assertThat(scenarioState(names.live())).isEqualTo(before);

            // a second clone replaces the environment; the first is kept, and a rollback brings it back
            clone(build, names, "clone-b");
            switches.switchOver(names, RETENTION, Instant.now());
            assertThat(databases.marker(names.live()).orElseThrow().cloneId()).isEqualTo("clone-b");
            assertThat(state(names.live())).isEqualTo(pristine);
            EnvironmentMarker kept = databases.marker(names.previous()).orElseThrow();
            assertThat(kept.cloneId()).isEqualTo("clone-a");
            assertThat(kept.keptUntil()).isAfter(Instant.now().plus(RETENTION).minusSeconds(60));
            switches.rollback(names, RETENTION, Instant.now());
            assertThat(databases.marker(names.live()).orElseThrow().cloneId()).isEqualTo("clone-a");
            assertThat(scenarioState(names.live())).isEqualTo(before);
            assertThat(databases.marker(names.previous()).orElseThrow().cloneId()).isEqualTo("clone-b");

            // retention: nothing expires early, the previous copy goes once it ends
            assertThat(switches.expire(Instant.now())).isEmpty();
            assertThat(switches.expire(Instant.now().plus(RETENTION).plusSeconds(60))).containsExactly(names.previous());
            assertThatThrownBy(() -> switches.rollback(names, RETENTION, Instant.now()))
                    .hasMessageContaining("no previous copy");

            assertThat(switches.delete(names)).contains(names.live(), names.pristine());
            assertThat(databases.exists(names.live())).isFalse();
        }
    }

    @Test
    void aDatabaseEnvcloneDidNotMakeIsNeverReplacedNorDeleted() throws Exception {
        DatabaseNames names = new DatabaseNames("lifecycle-foreign");
        server.dropDatabase(names.live());
        server.createDatabase(names.live());
        try (Connection theirs = server.connect(names.live()); Statement sql = theirs.createStatement()) {
            sql.execute("create function public.theirs() returns int language sql as 'select 1'");
        }
        try (Connection maintenance = server.connect("postgres")) {
            ServerDatabases databases = new ServerDatabases(maintenance);
            assertThatThrownBy(() -> new EnvironmentBuild(databases, server::connect).prepare(names, "test", "clone-x",
                    script.preData())).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("holds objects envclone did not make (function public.theirs");
            assertThat(databases.exists(names.build())).isFalse();
            assertThat(new EnvironmentSwitch(databases).delete(names)).isEmpty();
            assertThat(databases.exists(names.live())).isTrue();
        }
    }

    @Test
    void anEmptyDatabaseIsAdoptedAndAFullOneReplacedOnlyOnConfirmationThenRolledBack() throws Exception {
        DatabaseNames empty = new DatabaseNames("lifecycle-adopted");
        DatabaseNames full = new DatabaseNames("lifecycle-theirs");
        try (Connection maintenance = server.connect("postgres")) {
            ServerDatabases databases = new ServerDatabases(maintenance);
            EnvironmentSwitch switches = new EnvironmentSwitch(databases);
            EnvironmentBuild build = new EnvironmentBuild(databases, server::connect);
            for (DatabaseNames names : List.of(empty, full)) {
                switches.delete(names);
                server.dropDatabase(names.live());
                server.createDatabase(names.live()); // what a DBA made: createdb
            }
            // an empty one is adopted without a confirmation, and from then on owned as if envclone had made it
            assertThat(build.prepare(empty, "test", "clone-adopt", script.preData(), false))
                    .isEqualTo(EnvironmentBuild.Prepared.CREATED);
            assertThat(databases.marker(empty.live())).hasValueSatisfying(marker ->
                    assertThat(marker.cloneId()).isEqualTo(EnvironmentBuild.ADOPTED));
            build.discard(empty);
            switches.delete(empty);
            assertThat(databases.exists(empty.live())).as("adopted, so envclone may delete it").isFalse();

            try (Connection theirs = server.connect(full.live()); Statement sql = theirs.createStatement()) {
                sql.execute("create table public.ledger (id int primary key, note text)");
                sql.execute("insert into public.ledger select g, 'entry ' || g from generate_series(1, 42) g");
            }
            assertThatThrownBy(() -> build.prepare(full, "test", "clone-theirs", script.preData(), false))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("holds objects envclone did not make (relation public.ledger")
                    .hasMessageContaining("--yes on the command line, confirm: " + full.live())
                    .hasMessageContaining("kept as " + full.previous() + ", which a rollback brings back");
            assertThat(databases.exists(full.build())).as("nothing half-made").isFalse();
            assertThat(databases.marker(full.live())).as("nor marked").isEmpty();

            // confirmed: replaced by the clone, kept as the previous copy, and a rollback brings it back as it was
            build.prepare(full, "test", "clone-theirs", script.preData(), true);
            build.finish(full, script.postData(), sequences);
            switches.switchOver(full, RETENTION, Instant.now());
            assertThat(single(full.live(), "select count(*) from public.users")).isEqualTo("0");
            assertThat(single(full.previous(), "select count(*) || '/' || sum(id) from public.ledger")).isEqualTo("42/903");
            switches.rollback(full, RETENTION, Instant.now());
            assertThat(single(full.live(), "select count(*) || '/' || sum(id) from public.ledger")).isEqualTo("42/903");
            assertThat(single(full.live(), "select count(*) from pg_tables where schemaname = 'public'")).isEqualTo("1");
            switches.delete(full);
        }
    }

    @Test
    void aScenarioOnAnEnvironmentThatIsNotForTrainingIsRefusedUnlessAsked() throws Exception {
        DatabaseNames names = new DatabaseNames("lifecycle-test");
        try (Connection maintenance = server.connect("postgres")) {
            ServerDatabases databases = new ServerDatabases(maintenance);
            new EnvironmentSwitch(databases).delete(names);
            EnvironmentBuild build = new EnvironmentBuild(databases, server::connect);
            build.prepare(names, "test", "clone-t", script.preData());
            build.finish(names, script.postData(), sequences);
            new EnvironmentSwitch(databases).switchOver(names, RETENTION, Instant.now());
            Scenarios scenarios = new Scenarios(databases, server::connect);
            Scenario scenario = new Scenario("a guest", "insert into public.users (email, full_name, role) values"
                    + " (:'email', 'A Guest', 'guest')", Map.of("email", "guest@example.test"));
            assertThatThrownBy(() -> scenarios.apply(names, scenario, false)).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("type test").hasMessageContaining("\"anyType\": true");
            assertThat(single(names.live(), "select count(*) from public.users")).isEqualTo("0");
            assertThatThrownBy(() -> new Scenario("a guest", "select :'missing'", Map.of()).rendered())
                    .hasMessageStartingWith("parameters.missing is missing");
            new EnvironmentSwitch(databases).delete(names);
        }
    }

    @Test
    void environmentNamesThatCannotHoldTheirCopiesAreRefused() {
        assertThatThrownBy(() -> new DatabaseNames("e".repeat(60))).hasMessageContaining("at most 53 characters");
        assertThatThrownBy(() -> new DatabaseNames("Prod")).hasMessageStartingWith("environment must be lower-case");
        assertThatThrownBy(() -> new DatabaseNames("a__pristine")).hasMessageContaining("no '__'");
    }

    private static void clone(EnvironmentBuild build, DatabaseNames names, String cloneId) throws Exception {
        assertThat(build.prepare(names, "training", cloneId, script.preData())).isEqualTo(EnvironmentBuild.Prepared.CREATED);
        List<TableBatch> batches = batchesOf(cloneId);
        try (Connection copy = server.connect(names.build())) {
            BatchLander lander = new BatchLander(copy);
            for (TableBatch batch : batches.subList(0, batches.size() / 2)) {
                lander.land(batch);
            }
        }
        // the validator restarted: the copy is found again by its clone id and the landing goes on
        assertThat(build.prepare(names, "training", cloneId, script.preData())).isEqualTo(EnvironmentBuild.Prepared.RESUMED);
        try (Connection copy = server.connect(names.build())) {
            BatchLander lander = new BatchLander(copy);
            for (TableBatch batch : batches) {
                lander.land(batch);
            }
        }
        build.finish(names, script.postData(), sequences);
    }

    private static List<TableBatch> batchesOf(String cloneId) throws Exception {
        try (Connection source = server.connect(SOURCE)) {
            return SourceBatches.batches(source, cloneId, 400);
        }
    }

    private static void trainingSession(String database) throws SQLException {
        try (Connection trainee = server.connect(database); Statement sql = trainee.createStatement()) {
            sql.execute("update public.users set email = 'changed-' || id || '@training.local' where id % 3 = 0");
            sql.execute("delete from public.messages where id % 2 = 0");
        }
    }

    private static String state(String database) throws SQLException {
        return single(database, STATE);
    }

    private static String scenarioState(String database) throws SQLException {
        return state(database) + single(database, "select (select count(*) from public.payments where status = 'pending')"
                + " || '/' || coalesce((select string_agg(payload->>'note', ',') from public.notifications"
                + " where payload ? 'note'), '')");
    }

    private static String single(String database, String query) throws SQLException {
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

}
