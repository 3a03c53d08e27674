package io.envclone.validator.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.batch.TableBatch;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Landing in a real target: every batch of the demo database lands once however often it is
 * delivered, and a batch that fails half way leaves nothing of itself behind.
 */
@ExtendWith(RealInfrastructureExtension.class)
class BatchLanderTest {

    @Test
    void everyBatchLandsExactlyOnceAndAFailedOneLeavesNothing(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        server.dropDatabase("land_target");
        server.dropDatabase("land_source");
        server.createDatabase("land_source");
        List<TableBatch> batches;
        Map<String, Long> sourceCounts;
        try (Connection source = server.connect("land_source")) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            batches = SourceBatches.batches(source, "land-1", 400);
            sourceCounts = counts(source);
        }
        // the target: the same schema, empty (the schema's own landing is the migration's, tested with the cloner)
        try (Connection admin = server.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database land_target template land_source");
        }
        try (Connection target = server.connect("land_target")) {
            try (Statement sql = target.createStatement()) {
                sql.execute("truncate public.users, public.lofts, public.reservations, public.payments, public.conversations,"
                        + " public.conversation_participants, public.messages, public.notifications, audit.audit_log cascade");
                // data lands before the post-data DDL (foreign keys, triggers) as in a real landing: here the
                // template brought them, so the session leaves them out
                sql.execute("set session_replication_role = replica");
            }
            BatchLander lander = new BatchLander(target);
            TableBatch users = batches.stream().filter(batch -> batch.table().equals("users")).findFirst().orElseThrow();
            byte[] cut = Arrays.copyOf(users.rows(), users.rows().length / 2);
            assertThatThrownBy(() -> lander.land(users.withRows(cut))).hasMessageStartingWith("batch " + users.id()
                    + " did not land, nothing of it is in the target: ");
            assertThat(counts(target).get("public.users")).as("no row of the failed batch").isZero();

            for (TableBatch batch : batches) {
                assertThat(lander.land(batch)).isEqualTo(BatchLander.Outcome.LANDED);
            }
            for (TableBatch batch : batches.subList(0, batches.size() / 2)) { // a consumer restarted from older offsets
                assertThat(lander.land(batch)).isEqualTo(BatchLander.Outcome.ALREADY_LANDED);
            }
            target.commit();
            assertThat(counts(target)).isEqualTo(sourceCounts);
            try (Statement sql = target.createStatement(); ResultSet ledger = sql.executeQuery(
                    "select count(*), sum(rows) from envclone_landing.landed_batch")) {
                ledger.next();
                assertThat(ledger.getLong(1)).isEqualTo(batches.size());
                assertThat(ledger.getLong(2)).isEqualTo(sourceCounts.values().stream().mapToLong(Long::longValue).sum());
            }
        }
    }

    private static Map<String, Long> counts(Connection connection) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (SourceBatches.Table table : SourceBatches.tables(connection)) {
            try (Statement sql = connection.createStatement(); ResultSet count = sql.executeQuery(
                    "select count(*) from only " + table.schema() + "." + table.name())) {
                count.next();
                counts.put(table.schema() + "." + table.name(), count.getLong(1));
            }
        }
        return counts;
    }
}
