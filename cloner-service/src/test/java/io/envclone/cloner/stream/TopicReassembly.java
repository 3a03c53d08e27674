package io.envclone.cloner.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.schema.SchemaAnalyzer;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.PGConnection;

/**
 * What a receiver of the raw topic does, as the batch format says (see {@link TableBatch}): reads
 * a clone's batches, keeps per chunk the latest attempt that arrived whole (seq 0 to last, no gap),
 * and loads them into a copy of the source's tables. Tests compare that copy with the source.
 */
final class TopicReassembly {

    private final String bootstrapServers;
    private final String topic;
    private final BatchCipher cipher;

    TopicReassembly(String bootstrapServers, String topic, BatchCipher cipher) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.cipher = cipher;
    }

    /** Every batch of the clone on the topic, once every chunk of each of {@code tables} has a whole attempt. */
    List<TableBatch> consume(String cloneId, Set<String> tables) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reassembly-" + cloneId + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<TableBatch> batches = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!complete(batches, tables) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().startsWith(cloneId + "/")) {
                        Map<String, byte[]> headers = new HashMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), header.value());
                        }
                        // personal data is never in the clear on the topic
                        assertThat(new String(record.value(), StandardCharsets.ISO_8859_1)).doesNotContain("@gmail.com");
                        batches.add(BatchHeaders.read(headers, record.value(), cipher));
                    }
                }
            }
        }
        assertThat(complete(batches, tables)).as("every chunk of every table arrived whole").isTrue();
        return batches;
    }

    /** Per table and chunk, the batches of the latest attempt that arrived whole, in order. */
    static Map<String, List<TableBatch>> landable(List<TableBatch> batches) {
        Map<String, Map<Integer, List<TableBatch>>> byChunkAttempt = new TreeMap<>();
        for (TableBatch batch : batches) {
            byChunkAttempt.computeIfAbsent(batch.schema() + "." + batch.table() + "#" + batch.chunk(),
                    chunk -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(batch.attempt(), attempt -> new ArrayList<>()).add(batch);
        }
        Map<String, List<TableBatch>> landable = new TreeMap<>();
        byChunkAttempt.forEach((chunk, attempts) -> attempts.values().stream().filter(TopicReassembly::whole)
                .findFirst().ifPresent(run -> landable.put(chunk, run)));
        return landable;
    }

    private static boolean whole(List<TableBatch> run) {
        List<TableBatch> sorted = run.stream().sorted(Comparator.comparingLong(TableBatch::seq)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).seq() != i) {
                return false;
            }
        }
        return !sorted.isEmpty() && sorted.get(sorted.size() - 1).last();
    }

    private static boolean complete(List<TableBatch> batches, Set<String> tables) {
        Map<String, List<TableBatch>> landable = landable(batches);
        for (String table : tables) {
            Optional<TableBatch> any = batches.stream().filter(b -> (b.schema() + "." + b.table()).equals(table)).findFirst();
            if (any.isEmpty()) {
                return false;
            }
            for (int chunk = 0; chunk < any.get().chunks(); chunk++) {
                if (!landable.containsKey(table + "#" + chunk)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Creates the source's tables (pre-data DDL) in {@code database}, then loads every landable chunk. */
    static void load(SourceReference source, EmbeddedPostgresServer server, String database, List<TableBatch> batches)
            throws Exception {
        MigrationScript script;
        try (ReadOnlySource session = new ReadOnlySourceConnector().open(source)) {
            script = MigrationScript.forEmptyTarget(new SchemaAnalyzer().analyze(session, SchemaSelection.everything()));
        }
        try (Connection copy = server.connect(database); Statement statement = copy.createStatement()) {
            for (String sql : MigrationScript.SESSION_SETTINGS) {
                statement.execute(sql);
            }
            for (String sql : script.preData()) {
                statement.execute(sql);
            }
            var copyApi = copy.unwrap(PGConnection.class).getCopyAPI();
            for (List<TableBatch> run : landable(batches).values()) {
                for (TableBatch batch : run.stream().sorted(Comparator.comparingLong(TableBatch::seq)).toList()) {
                    String columns = String.join(", ", batch.columns().stream()
                            .map(EmbeddedPostgresServer::quoteIdentifier).toList());
                    copyApi.copyIn("COPY " + EmbeddedPostgresServer.quoteIdentifier(batch.schema()) + "."
                            + EmbeddedPostgresServer.quoteIdentifier(batch.table()) + " (" + columns
                            + ") FROM STDIN (FORMAT binary)", new ByteArrayInputStream(batch.rows()));
                }
            }
        }
    }

    /** Row count and digest of every leaf table of {@code public} and {@code audit}; with a snapshot id, as of it. */
    static Map<String, String> checksums(EmbeddedPostgresServer server, String database, String snapshot)
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
                            + " '|' order by t::text)), '') from only " + table + " t")) {
                        row.next();
                        sums.put(table, row.getString(1));
                    }
                }
            }
            connection.rollback();
        }
        return sums;
    }
}
