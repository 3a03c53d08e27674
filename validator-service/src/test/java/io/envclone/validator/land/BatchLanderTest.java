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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Landing in a real target: every batch of the demo database lands once however often it is
 * delivered, and a batch that fails half way leaves nothing of itself behind.
 */
@ExtendWith(RealInfrastructureExtension.class)
class BatchLanderTest {

    private static EmbeddedPostgresServer server;

    /** One demo source for every test: each reads its batches from it and lands them in a target of its own. */
    @BeforeAll
    static void source(RealInfrastructure infra) throws Exception {
        server = infra.postgres();
        server.dropDatabase("land_source");
        server.createDatabase("land_source");
        try (Connection source = server.connect("land_source")) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
        }
    }

    @Test
    void everyBatchLandsExactlyOnceAndAFailedOneLeavesNothing() throws Exception {
        List<TableBatch> batches;
        Map<String, Long> sourceCounts;
        try (Connection source = server.connect("land_source")) {
            batches = SourceBatches.batches(source, "land-1", 400);
            sourceCounts = DemoTargets.counts(source);
        }
        try (Connection target = DemoTargets.emptyLike(server, "land_source", "land_target")) {
            BatchLander lander = new BatchLander(target);
            TableBatch users = batches.stream().filter(batch -> batch.table().equals("users")).findFirst().orElseThrow();
            byte[] cut = Arrays.copyOf(users.rows(), users.rows().length / 2);
            assertThatThrownBy(() -> lander.land(users.withRows(cut))).hasMessageStartingWith("batch " + users.id()
                    + " did not land, nothing of it is in the target: ");
            assertThat(DemoTargets.counts(target).get("public.users")).as("no row of the failed batch").isZero();

            for (TableBatch batch : batches) {
                assertThat(lander.land(batch)).isEqualTo(BatchLander.Outcome.LANDED);
            }
            for (TableBatch batch : batches.subList(0, batches.size() / 2)) { // a consumer restarted from older offsets
                assertThat(lander.land(batch)).isEqualTo(BatchLander.Outcome.ALREADY_LANDED);
            }
            target.commit();
            assertThat(DemoTargets.counts(target)).isEqualTo(sourceCounts);
            try (Statement sql = target.createStatement(); ResultSet ledger = sql.executeQuery(
                    "select count(*), sum(rows) from envclone_landing.landed_batch")) {
                ledger.next();
                assertThat(ledger.getLong(1)).isEqualTo(batches.size());
                assertThat(ledger.getLong(2)).isEqualTo(sourceCounts.values().stream().mapToLong(Long::longValue).sum());
            }
        }
    }

    @Test
    void aChunkSentAgainByALaterAttemptReplacesWhatTheEarlierOneLanded() throws Exception {
        List<TableBatch> users;
        long sourceUsers;
        try (Connection source = server.connect("land_source")) {
            users = SourceBatches.batches(source, "resend-1", 100).stream().filter(batch -> batch.table().equals("users"))
                    .toList();
            sourceUsers = DemoTargets.counts(source).get("public.users");
        }
        assertThat(users).hasSizeGreaterThan(3);
        try (Connection target = DemoTargets.emptyLike(server, "land_source", "resend_target")) {
            BatchLander lander = new BatchLander(target);
            int half = users.size() / 2;
            for (TableBatch batch : users.subList(0, half)) { // the cloner dies half way through the chunk
                assertThat(lander.land(batch)).isEqualTo(BatchLander.Outcome.LANDED);
            }
            for (TableBatch batch : users) { // its next attempt sends the chunk again, whole, under new batch ids
                assertThat(lander.land(attempt(batch, 2))).isEqualTo(BatchLander.Outcome.LANDED);
            }
            // a batch of the first attempt delivered late: its rows are already in, from the second
            assertThat(lander.land(users.get(half))).isEqualTo(BatchLander.Outcome.SUPERSEDED);
            assertThat(lander.land(attempt(users.get(0), 2))).isEqualTo(BatchLander.Outcome.ALREADY_LANDED);
            target.commit();
            assertThat(DemoTargets.counts(target).get("public.users")).as("each source row once").isEqualTo(sourceUsers);
            try (Statement sql = target.createStatement(); ResultSet distinct = sql.executeQuery(
                    "select count(distinct id) from public.users")) {
                distinct.next();
                assertThat(distinct.getLong(1)).isEqualTo(sourceUsers);
            }
            assertThat(BatchLander.landedRows(target, "resend-1")).containsEntry("public.users", sourceUsers);
        }
    }

    private static TableBatch attempt(TableBatch batch, int attempt) {
        return new TableBatch(batch.cloneId(), batch.schema(), batch.table(), batch.chunk(), batch.chunks(), attempt,
                batch.seq(), batch.last(), batch.rowCount(), batch.columns(), batch.types(), batch.wireTypes(),
                batch.partitionOf(), batch.rows());
    }
}
