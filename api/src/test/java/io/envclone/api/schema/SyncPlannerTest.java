package io.envclone.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncPlannerTest {

    private static final ObjectId USERS = new ObjectId(ObjectKind.TABLE, "public", "users");
    private static final ObjectId STATUS = new ObjectId(ObjectKind.TYPE, "public", "status");

    private static SchemaModel model(SchemaObject... objects) {
        return SchemaModel.of(List.of(objects));
    }

    private static SchemaObject users(String... columns) {
        return new SchemaObject(USERS, "CREATE TABLE public.users (\n    " + String.join(",\n    ", columns) + "\n)",
                "DROP TABLE public.users", Set.of());
    }

    @Test
    void quotedColumnNamesAndColumnOrderAreUnderstood() {
        TableDefinition table = TableDefinition.parse(users("id bigint NOT NULL", "\"User \"\"Name\"\"\" text",
                "\"from\" text DEFAULT 'x, y'::text").createSql());
        assertThat(table.columns()).containsOnlyKeys("id", "\"User \"\"Name\"\"\"", "\"from\"");
        assertThat(table.qualifiedName()).isEqualTo("public.users");
        assertThat(SchemaDiff.between(model(users("a int", "b text")), model(users("b text", "a int"))).isEmpty())
                .isTrue();
    }

    @Test
    void anAddedColumnIsAddedAndAChangedOneIsDestructive() {
        SyncMigration migration = SyncPlanner.plan(model(users("id bigint", "email text", "phone text")),
                model(users("id integer", "email text")), false);

        assertThat(migration.statements()).containsExactly("ALTER TABLE public.users ADD COLUMN phone text");
        assertThat(migration.destructive()).singleElement()
                .satisfies(step -> assertThat(step.reason()).contains("column id changed from id integer to id bigint"));
    }

    @Test
    void enumLabelsAreAddedWhereTheSourceHasThem() {
        SchemaObject before = new SchemaObject(STATUS, "CREATE TYPE public.status AS ENUM ('pending', 'done')", Set.of());
        SchemaObject after = new SchemaObject(STATUS,
                "CREATE TYPE public.status AS ENUM ('pending', 'it''s late', 'done', 'archived')", Set.of());

        assertThat(SyncPlanner.plan(model(after), model(before), false).statements()).containsExactly(
                "ALTER TYPE public.status ADD VALUE 'it''s late' BEFORE 'done'",
                "ALTER TYPE public.status ADD VALUE 'archived' AFTER 'done'");
        assertThat(SyncPlanner.plan(model(before), model(after), false).unsupported()).singleElement()
                .asString().contains("migrate it by hand");
    }

    @Test
    void changedIndexesAreDroppedBeforeTheyAreRecreatedAndRemovedTablesOnlyListed() {
        ObjectId index = new ObjectId(ObjectKind.INDEX, "public", "users_email_idx");
        SchemaObject oldIndex = new SchemaObject(index, "CREATE INDEX users_email_idx ON public.users USING btree (email)",
                "DROP INDEX public.users_email_idx", Set.of(USERS));
        SchemaObject newIndex = new SchemaObject(index,
                "CREATE INDEX users_email_idx ON public.users USING btree (lower(email))", "DROP INDEX public.users_email_idx",
                Set.of(USERS));
        SchemaObject legacy = new SchemaObject(new ObjectId(ObjectKind.TABLE, "public", "legacy"),
                "CREATE TABLE public.legacy (\n    id int\n)", "DROP TABLE public.legacy", Set.of());

        SyncMigration migration = SyncPlanner.plan(model(users("email text"), newIndex),
                model(users("email text"), oldIndex, legacy), false);

        assertThat(migration.statements()).containsExactly("DROP INDEX public.users_email_idx", newIndex.createSql());
        assertThat(migration.destructive()).extracting(SyncMigration.Step::sql).containsExactly("DROP TABLE public.legacy");
        assertThat(SyncPlanner.plan(model(users("email text"), newIndex), model(users("email text"), oldIndex, legacy),
                true).statements()).endsWith("DROP TABLE public.legacy");
    }
}
