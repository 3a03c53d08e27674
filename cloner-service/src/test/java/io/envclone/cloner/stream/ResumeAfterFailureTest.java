package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.batch.TableBatch;
import io.envclone.api.event.CloneEvent;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.clone.ControlDatabaseCheckpoints;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.testing.sql.Queries;
import io.vertx.sqlclient.Pool;
import java.io.File;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clone cut off mid-way, by a killed cloner process or by a broker it can no longer reach, is
 * started again with the same clone id: chunks and tables acknowledged before are not sent again,
 * the rest is, and what a receiver assembles from the topic is the source, no row twice, none missing.
 */
@ExtendWith(RealInfrastructureExtension.class)
class ResumeAfterFailureTest {

    private static final String SOURCE = "resume_source";
    private static final String COPY = "resume_copy";
    private static final String CONTROL = "resume_control";
    private static final String TOPIC = "envclone.batches.raw.resume";

    private RealInfrastructure infra;
    private Pool control;

    /** Small chunks and batches, one worker: the clone takes long enough to be cut in the middle. */
    static CloneOptions options() {
        return CloneOptions.of(SchemaSelection.everything(), 1).withLimits(new BatchLimits(50, 16 * 1024))
                .withChunkBytes(16 * 1024);
    }

    @BeforeEach
    void databases(RealInfrastructure infrastructure) throws Exception {
        this.infra = infrastructure;
        EmbeddedPostgresServer server = infra.postgres();
        for (String database : new String[] {SOURCE, COPY, CONTROL}) {
            server.dropDatabase(database);
            server.createDatabase(database);
        }
        try (Connection connection = server.connect(SOURCE)) {
            new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
        }
        control = ResumableCloneMain.controlPool(server.port(), CONTROL);
    }

    @AfterEach
    void close() {
        infra.healNetwork();
        control.close();
    }

    @Test
    void aClonerKilledMidwayResumesWhereItStopped() throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        String cloneId = "killed-" + System.nanoTime();
        Process cloner = new ProcessBuilder(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ResumableCloneMain.class.getName(),
                server.jdbcUrl(SOURCE), EmbeddedPostgresServer.SUPERUSER, infra.kafka().bootstrapServers(), TOPIC,
                Integer.toString(server.port()), CONTROL, cloneId))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (Connection controlDb = server.connect(CONTROL)) {
            // kill it once two tables are complete and the rest is not: a crash in the middle of the clone
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (completeTables(controlDb, cloneId) < 2 && System.nanoTime() < deadline && cloner.isAlive()) {
                Thread.sleep(10);
            }
            cloner.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
            assertThat(cloner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cloner.exitValue()).as("the cloner was killed, it did not finish").isNotZero();
            Set<String> doneBefore = doneChunks(controlDb, cloneId);
            assertThat(completeTables(controlDb, cloneId)).isGreaterThanOrEqualTo(2);

            CloneStreamer.Result resumed = streamer().stream(cloneId, source(), options(), SnapshotStreamingTest.CIPHER,
                    new ControlDatabaseCheckpoints(control), CloneStreamer.Hooks.none());

            assertThat(resumed.attempt()).isEqualTo(2);
            assertThat(resumed.alreadySent()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(resumed.sent()).as("chunks acknowledged before the crash are not sent again")
                    .noneMatch(chunk -> doneBefore.contains(chunk.id()));
            assertReassembledEqualsSource(cloneId, resumed, doneBefore);
        }
    }

    @Test
    void aCloneThatLostTheBrokerFailsAndTheSameIdResumes() throws Exception {
        String cloneId = "outage-" + System.nanoTime();
        AtomicInteger chunksDone = new AtomicInteger();
        CloneStreamer.Hooks cutAfterThreeChunks = new CloneStreamer.Hooks(snapshot -> { }, event -> {
            if (event.type() == CloneEvent.Type.CHUNK_DONE && chunksDone.incrementAndGet() == 3) {
                infra.kafka().network().cut();
            }
        }, new CancelToken());
        Checkpoints checkpoints = new ControlDatabaseCheckpoints(control);

        assertThatThrownBy(() -> streamer().stream(cloneId, source(), options(), SnapshotStreamingTest.CIPHER,
                checkpoints, cutAfterThreeChunks))
                // the batches expire, or the producer cannot even learn where to send: both a broker out of reach
                .hasStackTraceContaining("org.apache.kafka.common.errors.TimeoutException");
        Set<String> doneBefore;
        try (Connection controlDb = infra.postgres().connect(CONTROL)) {
            doneBefore = doneChunks(controlDb, cloneId);
        }
        assertThat(doneBefore).hasSizeGreaterThanOrEqualTo(3);

        infra.kafka().network().restore();
        CloneStreamer.Result resumed = streamer().stream(cloneId, source(), options(), SnapshotStreamingTest.CIPHER,
                checkpoints, CloneStreamer.Hooks.none());

        assertThat(resumed.attempt()).isEqualTo(2);
        assertThat(resumed.sent()).noneMatch(chunk -> doneBefore.contains(chunk.id()));
        assertReassembledEqualsSource(cloneId, resumed, doneBefore);
    }

    /** A receiver keeping, per chunk, the latest whole attempt, ends with exactly the source's rows. */
    private void assertReassembledEqualsSource(String cloneId, CloneStreamer.Result resumed, Set<String> doneBefore)
            throws Exception {
        List<TableBatch> batches = new TopicReassembly(infra.kafka().bootstrapServers(), TOPIC, SnapshotStreamingTest.CIPHER)
                .consume(cloneId, resumed.tables());
        assertThat(batches).filteredOn(batch -> batch.attempt() == 2)
                .noneMatch(batch -> doneBefore.contains(batch.schema() + "." + batch.table() + "#" + batch.chunk()));
        Map<String, List<TableBatch>> landable = TopicReassembly.landable(batches);
        assertThat(landable.keySet()).containsAll(doneBefore);
        TopicReassembly.load(source(), infra.postgres(), COPY, batches);
        assertThat(TopicReassembly.checksums(infra.postgres(), COPY, null))
                .isEqualTo(TopicReassembly.checksums(infra.postgres(), SOURCE, null));
    }

    private CloneStreamer streamer() {
        // a broker out of reach fails the clone in seconds, not the default two minutes
        return new CloneStreamer(infra.kafka().bootstrapServers(), TOPIC, TOPIC + ".events").withProducerSettings(Map.of(
                "delivery.timeout.ms", 4_000, "request.timeout.ms", 1_500, "max.block.ms", 4_000));
    }

    private SourceReference source() {
        return new SourceReference(infra.postgres().jdbcUrl(SOURCE), EmbeddedPostgresServer.SUPERUSER, Secret.of(""));
    }

    private static Set<String> doneChunks(Connection controlDb, String cloneId) throws Exception {
        Set<String> done = new HashSet<>();
        try (var rows = controlDb.createStatement().executeQuery("select table_name || '#' || chunk"
                + " from envclone_cloner.chunk_done where clone_id = '" + cloneId + "'")) {
            while (rows.next()) {
                done.add(rows.getString(1));
            }
        }
        return done;
    }

    /** Tables every chunk of which the checkpoints hold (0 before the cloner made its plan). */
    private static long completeTables(Connection controlDb, String cloneId) throws Exception {
        try (var exists = controlDb.createStatement().executeQuery(
                "select to_regclass('envclone_cloner.chunk_done') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        return Queries.longValue(controlDb, "select count(*) from envclone_cloner.clone_attempt a,"
                + " jsonb_each(a.plan -> 'tables') t where a.clone_id = '" + cloneId + "'"
                + " and jsonb_array_length(t.value -> 'chunks') = (select count(*) from envclone_cloner.chunk_done d"
                + " where d.clone_id = a.clone_id and d.table_name = t.key)");
    }
}
