package io.envclone.validator.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.fixtures.Pagila;
import io.envclone.testing.fixtures.RequiresPagila;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health and the functionality suite on a copy of Pagila, a schema nobody here wrote: payments
 * partitioned by month (foreign keys on the partitions), BEFORE UPDATE triggers setting
 * last_update, a full-text trigger on a built-in function, and keys a generic copy cannot repeat.
 */
@ExtendWith(RealInfrastructureExtension.class)
@RequiresPagila
class PagilaChecksTest {

    @Test
    void aCopyOfPagilaIsHealthyAndWorks(EmbeddedPostgresServer server) throws Exception {
        server.dropDatabase("pagila_checks_source");
        server.createDatabase("pagila_checks_source");
        Pagila.load(server, "pagila_checks_source");
        SourceFacts facts;
        try (Connection source = server.connect("pagila_checks_source")) {
            facts = SourceFacts.read(source, null);
        }
        server.dropDatabase("pagila_checks");
        try (Connection admin = server.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database pagila_checks template pagila_checks_source");
        }
        try (Connection copy = server.connect("pagila_checks")) {
            List<CheckResult> health = HealthChecks.all(copy, facts, null);
            assertThat(HealthChecksTest.failures(health)).isEmpty();
            // Pagila's sequences are named in defaults, not owned by their columns: still checked
            assertThat(health).extracting(CheckResult::name).contains("sequence public.payment_payment_id_seq",
                    "materialized view public.rental_by_category");

            Map<String, String> before = DemoCopies.state(copy);
            List<CheckResult> checks = FunctionalitySuite.run(copy, null, FunctionalitySuite.Expectations.defaults())
                    .checks();
            assertThat(HealthChecksTest.failures(checks)).isEmpty();
            assertThat(DemoCopies.state(copy)).isEqualTo(before);

            Map<String, CheckResult> byName = new TreeMap<>();
            checks.forEach(check -> byName.put(check.name(), check));
            // the partitions are exercised through their parent, as the application writes them
            assertThat(byName).containsKeys("insert public.payment", "delete public.payment")
                    .doesNotContainKey("insert public.payment_p2022_01");
            assertThat(byName.get("insert public.payment").detail()).isEqualTo("inserted a copy of one row (defaults for"
                    + " payment_id)");
            assertThat(byName.get("triggers public.customer update").detail())
                    .startsWith("fired: last_updated (public.last_updated called)");
            assertThat(byName.get("delete public.customer").detail()).startsWith("refused by foreign key");
            // keys of integers without a default: a copy would repeat them
            assertThat(byName.get("insert public.film_actor").skipped()).isTrue();
            assertThat(byName.get("insert public.film_actor").detail()).endsWith("primary key film_actor_pkey"
                    + " (actor_id, film_id) has no default and no text column a copy could make new");
            assertThat(byName.get("insert public.rental").skipped()).isTrue();
            // tsvector_update_trigger is built in: not counted; the film's copy keeps its text, so nothing shows
            assertThat(byName.get("triggers public.film insert").skipped()).isTrue();
            assertThat(byName.get("triggers public.film insert").detail())
                    .contains("film_fulltext_trigger (pg_catalog.tsvector_update_trigger is not counted here");
        }
    }
}
