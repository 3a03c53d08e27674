package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.sql.Queries;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cloner with a 256 MB heap streams a table larger than its heap: batches are cut and sent
 * as the COPY stream arrives, nothing holds a whole table. And the source's own statistics
 * show the clone only read it.
 */
@ExtendWith(RealInfrastructureExtension.class)
class BoundedMemoryTest {

    private static final String DATABASE = "bounded_memory";

    /** {rows read, rows written} of the source database, once every session's statistics are in. */
    private static long[] activity(EmbeddedPostgresServer server) throws Exception {
        try (Connection connection = server.connect("postgres")) {
            Thread.sleep(1_500); // sessions flush their statistics at most once a second
            connection.createStatement().execute("select pg_stat_clear_snapshot()");
            String where = " from pg_stat_database where datname = '" + DATABASE + "'";
            return new long[] {Queries.longValue(connection, "select tup_returned + tup_fetched" + where),
                Queries.longValue(connection, "select tup_inserted + tup_updated + tup_deleted" + where)};
        }
    }

    @Test
    void aClonerWith256MbOfHeapStreamsATableLargerThanItsHeap(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE);
        long tableBytes;
        try (Connection connection = server.connect(DATABASE)) {
            connection.createStatement().execute("create table public.events as select g as id,"
                    + " md5(g::text) || repeat(md5((g * 7)::text), 12) as payload, now() as at"
                    + " from generate_series(1, 700000) g");
            tableBytes = Queries.longValue(connection, "select pg_total_relation_size('public.events')");
        }
        assertThat(tableBytes).as("the table is larger than the cloner's heap").isGreaterThan(300L * 1024 * 1024);
        long[] before = activity(server);

        Process cloner = new ProcessBuilder(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), StreamOneDatabase.class.getName(),
                server.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, infra.kafka().bootstrapServers(),
                "envclone.batches.raw.bounded"))
                .redirectErrorStream(true).start();
        String output = new String(cloner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cloner.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(cloner.exitValue()).as(output).isZero();
        assertThat(output).contains("STREAMED rows=700000").doesNotContain("OutOfMemoryError");

        // the source saw only reads: its statistics count rows read, none written
        long[] after = activity(server);
        assertThat(after[0]).as("rows read by the clone").isGreaterThanOrEqualTo(before[0] + 700_000);
        assertThat(after[1]).as("rows inserted, updated or deleted on the source").isEqualTo(before[1]);
        server.dropDatabase(DATABASE);
    }
}
