package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.schema.SchemaAnalyzer;
import io.envclone.cloner.schema.SchemaSelection;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * Streams the demo database to a real Kafka broker while another session changes the source,
 * re-assembles every table from the topic, and finds exactly the rows of the snapshot.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SnapshotStreamingTest {

    private static final String SOURCE = "stream_source";
    private static final String COPY = "stream_copy";
    private static final String TOPIC = "envclone.batches.raw.test";
    private static final String EVENTS = "envclone.events.test";
    private static final BatchCipher CIPHER = BatchCipher.fromBase64("encryptionKey",
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
        }
        SourceReference source = new SourceReference(server.jdbcUrl(SOURCE), EmbeddedPostgresServer.SUPERUSER, Secret.of(""));
        Map<String, String> asOfSnapshot = new TreeMap<>();
        String cloneId = "clone-" + UUID.randomUUID();

        CloneStreamer.Result result = new CloneStreamer(infra.kafka().bootstrapServers(), TOPIC, EVENTS).stream(cloneId, source,
                SchemaSelection.everything(), 3, new BatchLimits(200, 64 * 1024), CIPHER, snapshot -> {
                    asOfSnapshot.putAll(checksums(server, SOURCE, snapshot));
                    changeTheSource(server);
                });

        assertThat(result.tables()).hasSize(asOfSnapshot.size());
        Map<String, String> now = checksums(server, SOURCE, null);
        assertThat(now).as("the source really changed during the stream").isNotEqualTo(asOfSnapshot);

        createTables(source, server);
        List<TableBatch> batches = consume(infra, cloneId, result);
        load(server, batches);
        assertThat(checksums(server, COPY, null)).isEqualTo(asOfSnapshot);
        assertThat(batches.stream().mapToLong(TableBatch::rowCount).sum()).isEqualTo(result.rows());
        assertThat(batches).filteredOn(batch -> batch.table().equals("messages")).hasSizeGreaterThan(5)
                .allSatisfy(batch -> assertThat(batch.rowCount()).isLessThanOrEqualTo(200));

        List<String> events = events(infra, cloneId, result.tables().size() * 2 + 2);
        assertThat(events.get(0)).contains("\"type\":\"CLONE_STARTED\"");
        assertThat(events.get(events.size() - 1)).contains("\"type\":\"CLONE_DONE\"", "\"rows\":" + result.rows());
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
            statement.execute("update public.lofts set title = title || ' (rénové)' where id % 3 = 0");
        }
    }

    /** Row count and digest of every leaf table; with a snapshot id, as of that snapshot. */
    private static Map<String, String> checksums(EmbeddedPostgresServer server, String database, String snapshot)
            throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = server.connect(database)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (snapshot != null) {
                    statement.execute("set transaction isolation level repeatable read");
                    statement.execute("set transaction snapshot '" + snapshot + "'");
                }
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select format('%I.%I', n.nspname, c.relname)"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r'"
                        + " and n.nspname in ('public', 'audit')")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet row = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text,"
                            + " '|' order by t::text)), '') from " + table + " t")) {
                        row.next();
                        sums.put(table, row.getString(1));
                    }
                }
            }
            connection.rollback();
        }
        return sums;
    }

    private static void createTables(SourceReference source, EmbeddedPostgresServer server) throws Exception {
        MigrationScript script;
        try (ReadOnlySource session = new ReadOnlySourceConnector().open(source)) {
            script = MigrationScript.forEmptyTarget(new SchemaAnalyzer().analyze(session, SchemaSelection.everything()));
        }
        try (Connection copy = server.connect(COPY); Statement statement = copy.createStatement()) {
            for (String sql : MigrationScript.SESSION_SETTINGS) {
                statement.execute(sql);
            }
            for (String sql : script.preData()) {
                statement.execute(sql);
            }
        }
    }

    private static List<TableBatch> consume(RealInfrastructure infra, String cloneId, CloneStreamer.Result result) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reassembly-" + cloneId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<TableBatch> batches = new ArrayList<>();
        long expected = result.tables().stream().mapToLong(TableStreamer.Sent::batches).sum();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (batches.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().startsWith(cloneId + "/")) {
                        Map<String, byte[]> headers = new HashMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), header.value());
                        }
                        // personal data is never in the clear on the topic
                        assertThat(new String(record.value(), java.nio.charset.StandardCharsets.ISO_8859_1))
                                .doesNotContain("@gmail.com");
                        batches.add(BatchHeaders.read(headers, record.value(), CIPHER));
                    }
                }
            }
        }
        assertThat(batches).hasSize((int) expected);
        return batches;
    }

    /** Loads each table's batches in order, checking the sequence has no gap and ends with the last batch. */
    private static void load(EmbeddedPostgresServer server, List<TableBatch> batches) throws Exception {
        Map<String, List<TableBatch>> byTable = new TreeMap<>();
        batches.forEach(batch -> byTable.computeIfAbsent(batch.schema() + "." + batch.table(), key -> new ArrayList<>())
                .add(batch));
        try (Connection copy = server.connect(COPY)) {
            var copyApi = copy.unwrap(PGConnection.class).getCopyAPI();
            for (List<TableBatch> table : byTable.values()) {
                for (int seq = 0; seq < table.size(); seq++) {
                    TableBatch batch = table.get(seq);
                    assertThat(batch.seq()).as("batches of %s arrive in order", batch.key()).isEqualTo(seq);
                    assertThat(batch.last()).isEqualTo(seq == table.size() - 1);
                    String columns = String.join(", ", batch.columns().stream()
                            .map(EmbeddedPostgresServer::quoteIdentifier).toList());
                    copyApi.copyIn("COPY " + EmbeddedPostgresServer.quoteIdentifier(batch.schema()) + "."
                            + EmbeddedPostgresServer.quoteIdentifier(batch.table()) + " (" + columns
                            + ") FROM STDIN (FORMAT binary)", new ByteArrayInputStream(batch.rows()));
                }
            }
        }
    }
}
