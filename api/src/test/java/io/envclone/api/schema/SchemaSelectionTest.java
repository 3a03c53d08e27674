package io.envclone.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaSelectionTest {

    private static SchemaObject object(ObjectKind kind, String schema, String name, String sql) {
        return new SchemaObject(new ObjectId(kind, schema, name), sql, "", Set.of());
    }

    @Test
    void namedSchemasKeepTheCommentsOfEverySchemaAndLeaveTheOthersObjects() {
        SchemaModel model = SchemaModel.of(List.of(
                object(ObjectKind.SCHEMA, "", "public", "CREATE SCHEMA public"),
                object(ObjectKind.COMMENT, "", "schema public", "COMMENT ON SCHEMA public IS 'standard public schema'"),
                object(ObjectKind.TABLE, "public", "users", "CREATE TABLE public.users ()"),
                object(ObjectKind.TABLE, "billing", "invoices", "CREATE TABLE billing.invoices ()")));

        SchemaModel kept = SchemaSelection.requested(List.of("public", "audit"), List.of(), null, null).apply(model);

        assertThat(kept.objects().keySet()).extracting(ObjectId::name)
                .containsExactlyInAnyOrder("public", "schema public", "users");
    }

    @Test
    void aRequestWithoutIncludesTakesEveryTableOfEverySchemaButSupabasesOwn() {
        SchemaSelection selection = SchemaSelection.requested(null, null, List.of(), null);

        assertThat(selection.includesTable("public", "users")).isTrue();
        assertThat(selection.includesTable("auth", "users")).isFalse();
        assertThat(SchemaSelection.requested(null, null, List.of("public.u*"), List.of("public.users_archive"))
                .includesTable("public", "users_archive")).isFalse();
    }
}
