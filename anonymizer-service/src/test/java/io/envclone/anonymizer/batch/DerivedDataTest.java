package io.envclone.anonymizer.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.anonymizer.stream.RawBatchesAccess;
import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.TableBatch;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * Derived data does not leak what was replaced, proven in PostgreSQL: a stored {@code tsvector}
 * over a guest's name is recomputed from the fake name, and a generated one (never sent) is
 * recomputed by the target; neither holds a lexeme of the real name, and both find the fake one.
 */
@ExtendWith(RealInfrastructureExtension.class)
class DerivedDataTest {

    private static final String TABLE = """
            create table public.guests (
                id integer primary key,
                full_name text not null,
                note text,
                search tsvector not null,
                search_generated tsvector generated always as (to_tsvector('simple', full_name)) stored)""";

    @Test
    void searchVectorsOverANameHoldNoLexemeOfTheRealName(RealInfrastructure infra) throws Exception {
        for (String database : List.of("derived_source", "derived_target")) {
            infra.postgres().dropDatabase(database);
            infra.postgres().createDatabase(database);
        }
        try (Connection source = infra.postgres().connect("derived_source");
                Connection target = infra.postgres().connect("derived_target");
                Statement sourceSql = source.createStatement(); Statement targetSql = target.createStatement()) {
            sourceSql.execute(TABLE);
            targetSql.execute(TABLE);
            sourceSql.execute("""
                    insert into public.guests (id, full_name, note, search)
                    select i, (array['Amina','Karim','Yacine','Nadia'])[1 + i % 4] || ' ' || (array['Benali','Saadi','Haddad'])[1 + i % 3],
                           'VIP, ' || i || ' nuits', ''
                    from generate_series(1, 300) i;
                    update public.guests set search = setweight(to_tsvector('simple', full_name), 'A')
                                                       || to_tsvector('simple', coalesce(note, ''))""");

            RuleSet rules = new RuleSet("derived-1", RuleSet.STRICT, List.of(
                    ColumnRule.of("public.guests.full_name", "name"),
                    new ColumnRule("public.guests.search", "tsvector", Map.of("from", "full_name,note"), Map.of(), "")));
            assertThat(RuleValidator.validate(rules, Map.of("public.guests", Map.of("id", "integer", "full_name", "text",
                    "note", "text", "search", "tsvector")))).isEmpty();
            CompiledRules compiled = new CompiledRules(rules, new KeyedHash("derived-data-key!".getBytes(StandardCharsets.UTF_8)));
            for (TableBatch batch : RawBatchesAccess.batches(source, "derived-1", 100)) {
                assertThat(batch.columns()).as("a generated column is not sent").doesNotContain("search_generated");
                TableBatch anonymized = BatchAnonymizer.anonymize(batch, compiled, (type, rows) -> { });
                target.unwrap(PGConnection.class).getCopyAPI().copyIn("copy public.guests (" + String.join(", ",
                        batch.columns()) + ") from stdin (format binary)", new ByteArrayInputStream(anonymized.rows()));
            }

            List<String> realLexemes = strings(sourceSql, "select distinct lower(word) from public.guests,"
                    + " regexp_split_to_table(full_name, ' ') word");
            List<String> targetLexemes = strings(targetSql, "select distinct word from public.guests,"
                    + " unnest(tsvector_to_array(search) || tsvector_to_array(search_generated)) word");
            assertThat(realLexemes).hasSize(7);
            assertThat(targetLexemes).doesNotContainAnyElementsOf(realLexemes).contains("vip", "nuits");

            List<String> unfound = strings(targetSql, "select id::text from public.guests"
                    + " where not search @@ plainto_tsquery('simple', full_name)"
                    + " or not search_generated @@ plainto_tsquery('simple', full_name)");
            assertThat(unfound).as("rows whose vectors do not find their own fake name").isEmpty();
            assertThat(strings(targetSql, "select count(*)::text from public.guests")).containsExactly("300");
        }
    }

    private static List<String> strings(Statement statement, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
