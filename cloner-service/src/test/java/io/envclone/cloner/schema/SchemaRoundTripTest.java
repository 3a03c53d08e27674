package io.envclone.cloner.schema;

import io.envclone.api.schema.SchemaSelection;
import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.schema.MigrationScript;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaDiff;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.fixtures.NastySchema;
import io.envclone.testing.fixtures.Pagila;
import io.envclone.testing.fixtures.RequiresPagila;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof of the analysis and the migration: analyse a database, apply the generated DDL to
 * an empty one, analyse that, and the two models are the same.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SchemaRoundTripTest {

    @Test
    void theDemoDatabaseSurvivesTheRoundTrip(RealInfrastructure infra) throws Exception {
        SchemaModel source = roundTrip(infra, "rt_demo", connection -> new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults()));

        assertThat(source.countsByKind())
                .containsEntry(ObjectKind.SCHEMA, 2L)
                .containsKeys(ObjectKind.TYPE, ObjectKind.FUNCTION, ObjectKind.SEQUENCE, ObjectKind.VIEW,
                        ObjectKind.MATERIALIZED_VIEW, ObjectKind.REFRESH, ObjectKind.CONSTRAINT, ObjectKind.FOREIGN_KEY,
                        ObjectKind.INDEX, ObjectKind.TRIGGER, ObjectKind.POLICY, ObjectKind.ROW_SECURITY);
        assertThat(source.ofKind(ObjectKind.TABLE)).hasSizeGreaterThanOrEqualTo(17);
        assertThat(source.ofKind(ObjectKind.GRANT)).extracting(grant -> grant.id().name())
                .as("an identity column's sequence keeps its grant, with its table")
                .contains("SEQUENCE public.notifications_id_seq", "SEQUENCE public.users_id_seq");
    }

    @Test
    @RequiresPagila
    void pagilaSurvivesTheRoundTrip(RealInfrastructure infra) throws Exception {
        SchemaModel source = roundTrip(infra, "rt_pagila", Pagila::load);

        // 14 plain tables, the partitioned payment and its 7 partitions
        assertThat(source.ofKind(ObjectKind.TABLE)).hasSize(22);
        assertThat(source.find(new io.envclone.api.schema.ObjectId(ObjectKind.FUNCTION, "public", "group_concat(text)")))
                .isPresent();
    }

    @Test
    void theNastySchemaSurvivesTheRoundTrip(RealInfrastructure infra) throws Exception {
        SchemaModel source = roundTrip(infra, "rt_nasty", NastySchema::loadCurrent);

        assertThat(source.find(new io.envclone.api.schema.ObjectId(ObjectKind.TABLE, "Sales", "Order"))).isPresent();
        assertThat(source.countsByKind()).containsKeys(ObjectKind.EXTENSION, ObjectKind.POLICY, ObjectKind.FOREIGN_KEY,
                ObjectKind.COMMENT, ObjectKind.TRIGGER);
    }

    @Test
    void excludingTablesTakesWhatDependsOnThemAlongAndTheRestStillApplies(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("sel_source");
        infra.postgres().createDatabase("sel_source");
        try (Connection connection = infra.postgres().connect("sel_source")) {
            new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
        }
        SchemaModel everything = SchemaFixtures.analyze(infra, "sel_source");
        SchemaModel selected = SchemaSelection.everything()
                .withTables(List.of("*"), List.of("public.payments", "public.conversation*"))
                .apply(everything);

        assertThat(selected.ofKind(ObjectKind.TABLE)).extracting(object -> object.id().name())
                .contains("users", "reservations", "messages")
                .doesNotContain("payments", "payments_2019", "payments_default", "conversations",
                        "conversation_participants");
        // the foreign key from messages to conversations cannot exist without conversations
        assertThat(everything.ofKind(ObjectKind.FOREIGN_KEY)).extracting(object -> object.createSql())
                .anyMatch(sql -> sql.contains("REFERENCES public.conversations"));
        assertThat(selected.ofKind(ObjectKind.FOREIGN_KEY)).extracting(object -> object.createSql())
                .noneMatch(sql -> sql.contains("REFERENCES public.conversations"));
        assertThat(selected.ofKind(ObjectKind.MATERIALIZED_VIEW)).as("monthly_revenue reads payments").isEmpty();

        infra.postgres().dropDatabase("sel_target");
        infra.postgres().createDatabase("sel_target");
        MigrationScript script = MigrationScript.forEmptyTarget(selected);
        try (Connection target = infra.postgres().connect("sel_target")) {
            SchemaFixtures.apply(target, java.util.stream.Stream.of(MigrationScript.SESSION_SETTINGS,
                    script.preData(), script.postData()).flatMap(List::stream).toList());
        }
        assertThat(SchemaDiff.between(selected, SchemaFixtures.analyze(infra, "sel_target")).isEmpty()).isTrue();
    }

    @Test
    void whatIsNotCopiedIsNamedWithWhatToDoNeverDroppedSilently(RealInfrastructure infra) throws Exception {
        infra.postgres().dropDatabase("unsupported_source");
        infra.postgres().createDatabase("unsupported_source");
        try (Connection connection = infra.postgres().connect("unsupported_source")) {
            connection.createStatement().execute("create table public.cities (name text, population int);"
                    + " create table public.capitals (country text) inherits (public.cities);"
                    + " create rule no_delete as on delete to public.cities do instead nothing;"
                    + " create statistics public.city_stats on name, population from public.cities;"
                    + " alter default privileges in schema public grant select on tables to public");
        }
        SchemaModel model = SchemaFixtures.analyze(infra, "unsupported_source");

        assertThat(model.skipped())
                .anyMatch(line -> line.startsWith("table inheritance public.capitals INHERITS public.cities"))
                .anyMatch(line -> line.startsWith("rule no_delete on public.cities"))
                .anyMatch(line -> line.startsWith("statistics object public.city_stats"))
                .anyMatch(line -> line.startsWith("default privileges of postgres in public"));
        assertThat(MigrationScript.forEmptyTarget(model).render()).contains("-- not copied: rule no_delete");
    }

    /** What fills a source database for a round trip. */
    @FunctionalInterface
    private interface Fixture {
        void load(Connection connection) throws Exception;
    }

    private static SchemaModel roundTrip(RealInfrastructure infra, String name, Fixture fixture) throws Exception {
        String sourceDatabase = name + "_source";
        String targetDatabase = name + "_target";
        infra.postgres().dropDatabase(sourceDatabase);
        infra.postgres().createDatabase(sourceDatabase);
        try (Connection connection = infra.postgres().connect(sourceDatabase)) {
            fixture.load(connection);
        }
        SchemaModel source = SchemaFixtures.analyze(infra, sourceDatabase);
        MigrationScript script = MigrationScript.forEmptyTarget(source);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", sourceDatabase + ".sql"), script.render());

        infra.postgres().dropDatabase(targetDatabase);
        infra.postgres().createDatabase(targetDatabase);
        try (Connection target = infra.postgres().connect(targetDatabase)) {
            SchemaFixtures.apply(target, java.util.stream.Stream.of(MigrationScript.SESSION_SETTINGS,
                    script.preData(), script.postData()).flatMap(List::stream).toList());
        }
        SchemaModel copy = SchemaFixtures.analyze(infra, targetDatabase);

        SchemaDiff diff = SchemaDiff.between(source, copy);
        assertThat(diff.isEmpty()).as(diff.render()).isTrue();
        return source;
    }

}
