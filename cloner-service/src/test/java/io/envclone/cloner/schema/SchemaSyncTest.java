package io.envclone.cloner.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.schema.MigrationScript;
import io.envclone.api.schema.SchemaDiff;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.schema.SyncMigration;
import io.envclone.api.schema.SyncPlanner;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.fixtures.NastySchema;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.sql.Queries;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema sync without a re-clone: an environment on the older nasty schema is brought to the
 * current one, the comparison is then empty, and its rows are all still there.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SchemaSyncTest {

    @Test
    void anOlderEnvironmentIsSyncedKeepingItsRows(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        for (String database : new String[] {"sync_source", "sync_env"}) {
            server.dropDatabase(database);
            server.createDatabase(database);
        }
        try (Connection source = server.connect("sync_source")) {
            NastySchema.loadCurrent(source);
        }
        long ordersBefore;
        long employeesBefore;
        try (Connection environment = server.connect("sync_env")) {
            NastySchema.loadOlder(environment);
            ordersBefore = Queries.longValue(environment, "select count(*) from \"Sales\".\"Order\"");
            employeesBefore = Queries.longValue(environment, "select count(*) from public.employees");
        }
        SchemaModel source = SchemaFixtures.analyze(infra, "sync_source");
        SchemaModel before = SchemaFixtures.analyze(infra, "sync_env");
        assertThat(SchemaDiff.between(before, source).isEmpty()).isFalse();

        SyncMigration migration = SyncPlanner.plan(source, before, false);

        assertThat(migration.destructive()).as("v1 to v2 only adds and replaces").isEmpty();
        assertThat(migration.unsupported()).isEmpty();
        assertThat(migration.statements())
                .anyMatch(sql -> sql.startsWith("ALTER TABLE \"Sales\".\"Order\" ADD COLUMN priority"))
                .anyMatch(sql -> sql.startsWith("ALTER TYPE") && sql.contains("ADD VALUE 'refunded' BEFORE 'cancelled'"));
        try (Connection environment = server.connect("sync_env")) {
            SchemaFixtures.apply(environment, withSettings(migration));
        }

        SchemaDiff after = SchemaDiff.between(SchemaFixtures.analyze(infra, "sync_env"), source);
        assertThat(after.isEmpty()).as(after.render()).isTrue();
        try (Connection environment = server.connect("sync_env")) {
            assertThat(Queries.longValue(environment, "select count(*) from \"Sales\".\"Order\"")).isEqualTo(ordersBefore);
            assertThat(Queries.longValue(environment, "select count(*) from public.employees")).isEqualTo(employeesBefore);
        }
    }

    @Test
    void aColumnTheSourceNoLongerHasIsOnlyDroppedWhenAllowed(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        for (String database : new String[] {"sync_narrow", "sync_wide"}) {
            server.dropDatabase(database);
            server.createDatabase(database);
        }
        try (Connection narrow = server.connect("sync_narrow"); Connection wide = server.connect("sync_wide")) {
            narrow.createStatement().execute("create table public.guests (id int primary key, name text)");
            wide.createStatement().execute("create table public.guests (id int primary key, name text, phone text);"
                    + " insert into public.guests values (1, 'Amina', '0550 12 34 56')");
        }
        SchemaModel source = SchemaFixtures.analyze(infra, "sync_narrow");
        SchemaModel environment = SchemaFixtures.analyze(infra, "sync_wide");

        SyncMigration careful = SyncPlanner.plan(source, environment, false);
        assertThat(careful.destructive()).singleElement()
                .satisfies(step -> assertThat(step.reason()).contains("column phone is not in the source"));
        assertThat(careful.statements()).noneMatch(sql -> sql.contains("DROP COLUMN"));

        SyncMigration allowed = SyncPlanner.plan(source, environment, true);
        try (Connection wide = server.connect("sync_wide")) {
            SchemaFixtures.apply(wide, withSettings(allowed));
            assertThat(Queries.longValue(wide, "select count(*) from public.guests")).isEqualTo(1);
        }
        assertThat(SchemaDiff.between(SchemaFixtures.analyze(infra, "sync_wide"), source).isEmpty()).isTrue();
    }


    private static List<String> withSettings(SyncMigration migration) {
        return java.util.stream.Stream.concat(MigrationScript.SESSION_SETTINGS.stream(), migration.statements().stream())
                .toList();
    }
}
