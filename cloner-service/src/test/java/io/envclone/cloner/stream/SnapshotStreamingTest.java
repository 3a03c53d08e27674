package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streams the demo database to a real Kafka broker while another session changes the source,
 * re-assembles every table from the topic, and finds exactly the rows of the snapshot: whole
 * tables and tables cut into key ranges shared by the workers alike.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SnapshotStreamingTest {

    private static final String SOURCE = "stream_source";
    private static final String COPY = "stream_copy";
    private static final String TOPIC = "envclone.batches.raw.test";
    private static final String EVENTS = "envclone.events.test";
    static final BatchCipher CIPHER = BatchCipher.fromBase64("encryptionKey",
            java.util.Base64.getEncoder().encodeToString("a-32-byte-key-for-this-test-only".getBytes()));

    @Test
    void everyTableArrivesAsOfTheSnapshotWhileTheSourceChanges(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        for (String database : new String[] {SOURCE, COPY}) {
            server.dropDatabase(database);
            server.createDatabase(database);
        }
        try (Connection connection = server.connect(SOURCE)) {
            new DemoDatabaseGenerator().generate(connection, DemoOptions.defaults());
            // a large table without a primary key: no key to cut it by, it travels whole
            connection.createStatement().execute("create table public.raw_imports as select g as line,"
                    + " md5(g::text) as payload from generate_series(1, 5000) g");
        }
        SourceReference source = new SourceReference(server.jdbcUrl(SOURCE), EmbeddedPostgresServer.SUPERUSER, Secret.of(""));
        Map<String, String> asOfSnapshot = new TreeMap<>();
        String cloneId = "clone-" + UUID.randomUUID();
        // 64 KiB chunks: the larger tables of the small demo are cut into key ranges
        CloneOptions options = CloneOptions.of(SchemaSelection.everything(), 3).withLimits(new BatchLimits(200, 64 * 1024))
                .withChunkBytes(64 * 1024);

        CloneStreamer.Result result = new CloneStreamer(infra.kafka().bootstrapServers(), TOPIC, EVENTS).stream(cloneId,
                source, options, CIPHER, Checkpoints.inMemory(), new CloneStreamer.Hooks(snapshot -> {
                    asOfSnapshot.putAll(TopicReassembly.checksums(server, SOURCE, snapshot));
                    changeTheSource(server);
                }, event -> { }, new CancelToken()));

        assertThat(result.tables()).hasSize(asOfSnapshot.size());
        assertThat(result.attempt()).isEqualTo(1);
        assertThat(TopicReassembly.checksums(server, SOURCE, null)).as("the source really changed during the stream")
                .isNotEqualTo(asOfSnapshot);

        List<TableBatch> batches = new TopicReassembly(infra.kafka().bootstrapServers(), TOPIC, CIPHER)
                .consume(cloneId, result.tables());
        assertThat(batches).hasSize((int) result.batches());
        TopicReassembly.load(source, server, COPY, batches);
        assertThat(TopicReassembly.checksums(server, COPY, null)).isEqualTo(asOfSnapshot);
        assertThat(batches.stream().mapToLong(TableBatch::rowCount).sum()).isEqualTo(result.rows());
        assertThat(batches).filteredOn(batch -> batch.table().equals("messages")).hasSizeGreaterThan(5)
                .allSatisfy(batch -> assertThat(batch.rowCount()).isLessThanOrEqualTo(200));
        assertThat(batches).as("the largest tables are cut into several key ranges")
                .filteredOn(batch -> batch.table().equals("messages")).extracting(TableBatch::chunks)
                .allSatisfy(chunks -> assertThat(chunks).isGreaterThan(1));
        assertThat(batches).as("a table without an integer key stays whole")
                .filteredOn(batch -> batch.table().equals("raw_imports")).extracting(TableBatch::chunks)
                .containsOnly(1);
        TableBatch users = batches.stream().filter(batch -> batch.table().equals("users")).findFirst().orElseThrow();
        assertThat(users.types().get(users.columns().indexOf("email"))).isEqualTo("email_address");
        assertThat(users.wireTypes().get(users.columns().indexOf("email"))).as("a domain travels as its base type")
                .isEqualTo("text");
        assertThat(users.wireTypes().get(users.columns().indexOf("role"))).isEqualTo("enum");
        assertThat(result.sent().stream().filter(chunk -> chunk.table().equals("public.messages")).count())
                .isEqualTo(batches.stream().filter(batch -> batch.table().equals("messages")).findFirst().orElseThrow()
                        .chunks());

        List<String> events = events(infra, cloneId, 2 + result.tables().size() * 2 + result.sent().size());
        assertThat(events.get(0)).contains("\"type\":\"CLONE_STARTED\"");
        assertThat(events.get(events.size() - 1)).contains("\"type\":\"CLONE_DONE\"", "\"rows\":" + result.rows());
        assertThat(events).filteredOn(event -> event.contains("CHUNK_DONE")).hasSize(result.sent().size());
        assertThat(events).filteredOn(event -> event.contains("TABLE_DONE")).hasSize(result.tables().size())
                .anyMatch(event -> event.contains("\"table\":\"public.messages\"")
                        && event.contains("\"rows\":" + batches.stream().filter(b -> b.table().equals("messages"))
                                .mapToLong(TableBatch::rowCount).sum()));
        assertThat(events).noneMatch(event -> event.contains("@"));
    }

    private static List<String> events(RealInfrastructure infra, String cloneId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "events-" + cloneId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key().equals(cloneId)) {
                        events.add(record.value());
                    }
                });
            }
        }
        assertThat(events).hasSize(expected);
        return events;
    }

    /** Updates that fire the audit trigger (inserts), deletes, plain updates: all after the snapshot. */
    private static void changeTheSource(EmbeddedPostgresServer server) throws SQLException {
        try (Connection connection = server.connect(SOURCE); Statement statement = connection.createStatement()) {
            statement.execute("update public.users set city = 'Oran' where id % 5 = 0");
            statement.execute("delete from public.messages where id % 7 = 0");
            statement.execute("insert into public.messages (conversation_id, sender_id, body, sent_at)"
                    + " select conversation_id, sender_id, 'new after the snapshot', now() from public.messages limit 50");
            statement.execute("update public.lofts set title = title || ' (rénové)' where id % 3 = 0");
        }
    }
}
