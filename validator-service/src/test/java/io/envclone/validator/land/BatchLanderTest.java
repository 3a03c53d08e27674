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
        server.dropDatabase("land_source");
        server.createDatabase("land_source");
        List<TableBatch> batches;
        Map<String, Long> sourceCounts;
        try (Connection source = server.connect("land_source")) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
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
}
