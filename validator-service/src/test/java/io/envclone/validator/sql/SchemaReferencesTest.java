package io.envclone.validator.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema names in DDL, renamed where PostgreSQL binds them at creation and kept where it reads them at run time. */
class SchemaReferencesTest {

    private static final Map<String, String> BUILD = Map.of("public", "public__build", "App", "App__build");

    @Test
    void qualifiersAndSchemaNamesAreRenamed() {
        assertThat(SchemaReferences.renamed("CREATE SCHEMA IF NOT EXISTS public", BUILD))
                .isEqualTo("CREATE SCHEMA IF NOT EXISTS \"public__build\"");
        assertThat(SchemaReferences.renamed("GRANT USAGE ON SCHEMA \"App\" TO reader", BUILD))
                .isEqualTo("GRANT USAGE ON SCHEMA \"App__build\" TO reader");
        assertThat(SchemaReferences.renamed("CREATE TABLE public.customer (id integer, mood \"App\".mood, zone extensions.citext)",
                BUILD)).isEqualTo("CREATE TABLE \"public__build\".customer (id integer, mood \"App__build\".mood,"
                        + " zone extensions.citext)");
        assertThat(SchemaReferences.renamed("CREATE VIEW public.v AS SELECT customer.id FROM public . customer", BUILD))
                .isEqualTo("CREATE VIEW \"public__build\".v AS SELECT customer.id FROM \"public__build\" . customer");
    }

    @Test
    void objectNamesInStringsCastToRegclassAreRenamed() {
        assertThat(SchemaReferences.renamed("ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass)",
                BUILD)).isEqualTo("ALTER TABLE \"public__build\".t ALTER COLUMN id SET DEFAULT"
                        + " nextval('\"public__build\".t_id_seq'::regclass)");
        assertThat(SchemaReferences.renamed("SELECT '\"App\".\"Odd\"'::pg_catalog.regclass, 'public'::regnamespace", BUILD))
                .isEqualTo("SELECT '\"App__build\".\"Odd\"'::pg_catalog.regclass, '\"public__build\"'::regnamespace");
    }

    @Test
    void stringsBodiesAndCommentsKeepTheirNames() {
        String function = "CREATE FUNCTION public.f() RETURNS integer LANGUAGE plpgsql SET search_path TO 'public'"
                + " AS $function$ begin return (select count(*) from public.customer); end $function$";
        assertThat(SchemaReferences.renamed(function, BUILD)).isEqualTo("CREATE FUNCTION \"public__build\".f() RETURNS"
                + " integer LANGUAGE plpgsql SET search_path TO 'public' AS $function$ begin return (select count(*) from"
                + " public.customer); end $function$");
        assertThat(SchemaReferences.renamed("COMMENT ON TABLE public.t IS 'see public.t and E''s'' -- not a comment'"
                + " /* public.x */ -- public.y", BUILD)).isEqualTo("COMMENT ON TABLE \"public__build\".t IS 'see public.t"
                        + " and E''s'' -- not a comment' /* public.x */ -- public.y");
        assertThat(SchemaReferences.renamed("SELECT E'it\\'s public.t', $1, a$b.c FROM publicity.t", BUILD))
                .isEqualTo("SELECT E'it\\'s public.t', $1, a$b.c FROM publicity.t");
    }

    @Test
    void atomicBodiesAreBoundAtCreationSoTheyAreRenamed() {
        assertThat(SchemaReferences.renamed("CREATE FUNCTION public.n() RETURNS bigint LANGUAGE sql BEGIN ATOMIC"
                + " SELECT count(*) FROM public.t; END", BUILD)).isEqualTo("CREATE FUNCTION \"public__build\".n() RETURNS"
                        + " bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM \"public__build\".t; END");
    }

    @Test
    void theFirstSchemaIsWhatAStatementIsAbout() {
        assertThat(SchemaReferences.first("CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA extensions")).contains("extensions");
        assertThat(SchemaReferences.first("CREATE INDEX i ON public.t USING btree (a)")).contains("public");
        assertThat(SchemaReferences.first("CREATE SCHEMA IF NOT EXISTS \"App\"")).contains("App");
        assertThat(SchemaReferences.first("DO $role$ BEGIN CREATE ROLE x NOLOGIN; END $role$")).isEmpty();
    }
}
