package io.envclone.anonymizer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.anonymizer.batch.CompiledRules;
import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The demo database through the topic pair, with an anonymizer that crashes in the middle of a
 * transaction and a second one that takes over: every PII column changed in every non-null row,
 * no source email, phone, IBAN or national id anywhere in the output (message bodies and jsonb
 * included), joins on transformed columns still match, and no batch is missing or there twice.
 */
@ExtendWith(RealInfrastructureExtension.class)
class DemoThroughTheTopicsTest {

    private static final String SOURCE = "anon_source";
    private static final String COPY = "anon_copy";
    private static final AnonymizerLoop.Topics TOPICS = new AnonymizerLoop.Topics("envclone.batches.raw.anon",
            "envclone.batches.anonymized.anon", "envclone.batches.dead-letter.anon", "envclone.events.anon");
    private static final BatchCipher CIPHER = BatchCipher.fromBase64("encryptionKey",
            java.util.Base64.getEncoder().encodeToString("a-32-byte-key-for-this-test-only".getBytes()));
    private static final byte[] ANONYMIZATION_KEY = "the-training-environment-key".getBytes(StandardCharsets.UTF_8);

    /** The demo's rule file, the one the README shows and the benchmark uses. */
    static RuleSet demoRules() throws java.io.IOException {
        return RuleSetFiles.read(java.nio.file.Path.of("..", "deploy", "samples", "demo-rules.yaml"));
    }

    @Test
    void everyPiiValueIsReplacedJoinsStillMatchAndACrashLosesAndDuplicatesNothing(RealInfrastructure infra)
            throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        server.dropDatabase(COPY);
        server.dropDatabase(SOURCE);
        server.createDatabase(SOURCE);
        String cloneId = "anon-" + System.nanoTime();
        List<TableBatch> sent;
        try (Connection source = server.connect(SOURCE)) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            sent = RawBatches.send(source, infra.kafka().bootstrapServers(), TOPICS.raw(), cloneId, CIPHER, 100);
        }
        CloneRegistrations registrations = new CloneRegistrations();
        registrations.register(cloneId, new CompiledRules(demoRules(), new KeyedHash(ANONYMIZATION_KEY)), CIPHER);

        // the first anonymizer dies in the middle of a transaction, half way through, batches sent but not committed
        AtomicInteger seen = new AtomicInteger();
        AnonymizerLoop crashing = new AnonymizerLoop(infra.kafka().bootstrapServers(), "anonymizer-" + cloneId,
                "anonymizer-0-" + cloneId, TOPICS, registrations, new CrashAfter(seen, 60));
        Thread first = new Thread(crashing, "anonymizer-crashing");
        first.setUncaughtExceptionHandler((thread, error) -> { });
        first.start();
        first.join(60_000);
        assertThat(seen.get()).as("the first anonymizer got that far before it died").isEqualTo(60);

        AnonymizerLoop second = new AnonymizerLoop(infra.kafka().bootstrapServers(), "anonymizer-" + cloneId,
                "anonymizer-0-" + cloneId, TOPICS, registrations, AnonymizerLoop.Listener.NONE);
        Thread takeover = new Thread(second, "anonymizer-takeover");
        takeover.start();
        List<TableBatch> anonymized;
        try {
            anonymized = consume(infra, cloneId, sent.size());
        } finally {
            second.close();
            takeover.join(10_000);
        }

        Set<String> ids = new HashSet<>();
        anonymized.forEach(batch -> assertThat(ids.add(batch.id())).as("%s arrives once", batch.id()).isTrue());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(sent.stream().map(TableBatch::id).toList());

        server.createDatabase(COPY);
        load(server, anonymized);
        try (Connection source = server.connect(SOURCE); Connection copy = server.connect(COPY)) {
            for (ColumnRule rule : demoRules().rules()) {
                if (!rule.type().equals("keep")) {
                    assertEveryNonNullValueChanged(source, copy, rule.column());
                }
            }
            assertNoSourceIdentifierAnywhere(source, copy);
            assertThat(mismatches(copy)).as("joins on transformed columns match as in the source")
                    .isEqualTo(mismatches(source));
        }
    }

    /** A listener that kills its loop (an Error, as an out-of-memory would) at the {@code limit}th batch. */
    private record CrashAfter(AtomicInteger seen, int limit) implements AnonymizerLoop.Listener {
        @Override
        public void anonymized(TableBatch batch) {
            if (seen.incrementAndGet() == limit) {
                throw new OutOfMemoryError("simulated crash in the middle of a transaction");
            }
        }

        @Override
        public void transformed(String transformer, int rows) {
        }

        @Override
        public void failed(String cloneId) {
        }
    }

    private static List<TableBatch> consume(RealInfrastructure infra, String cloneId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + cloneId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<TableBatch> batches = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPICS.anonymized()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (batches.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, byte[]> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value());
                    }
                    assertThat(new String(headers.get(BatchHeaders.RULES_VERSION), StandardCharsets.UTF_8))
                            .isEqualTo("demo-1");
                    batches.add(BatchHeaders.read(headers, record.value(), CIPHER));
                }
            }
            // anything more would be a duplicate: wait a little for it
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> batches.add(null));
        }
        assertThat(batches).doesNotContainNull().hasSize(expected);
        return batches;
    }

    /** The copy: the source's schema (a template copy), emptied, then the anonymized rows, triggers off. */
    private static void load(EmbeddedPostgresServer server, List<TableBatch> batches) throws Exception {
        try (Connection admin = server.connect("postgres")) {
            admin.createStatement().execute("drop database if exists " + COPY);
            admin.createStatement().execute("create database " + COPY + " template " + SOURCE);
        }
        try (Connection copy = server.connect(COPY); Statement statement = copy.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (io.envclone.testing.batch.SourceBatches.Table table : io.envclone.testing.batch.SourceBatches.tables(copy)) {
                statement.execute("truncate " + table.schema() + "." + table.name() + " cascade");
            }
            var copyApi = copy.unwrap(PGConnection.class).getCopyAPI();
            for (TableBatch batch : batches) {
                String columns = String.join(", ", batch.columns().stream().map(c -> "\"" + c + "\"").toList());
                copyApi.copyIn("copy " + batch.schema() + "." + batch.table() + " (" + columns
                        + ") from stdin (format binary)", new ByteArrayInputStream(batch.rows()));
            }
        }
    }

    private static void assertEveryNonNullValueChanged(Connection source, Connection copy, String column)
            throws SQLException {
        assertThat(column).as("a rule of the demo file").isNotBlank();
        String[] parts = column.split("\\.");
        String key = parts[1].startsWith("payments") ? "id::text || paid_at::text" : "id::text";
        String sql = "select " + key + ", " + parts[2] + "::text from " + parts[0] + "." + parts[1];
        Map<String, String> before = values(source, sql);
        Map<String, String> after = values(copy, sql);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        long nonNull = before.values().stream().filter(java.util.Objects::nonNull).count();
        long changed = before.entrySet().stream().filter(e -> e.getValue() != null
                && !e.getValue().equals(after.get(e.getKey()))).count();
        if (column.endsWith("client_addr")) {
            assertThat(after.values()).as(column).containsOnlyNulls();
        } else if (column.endsWith(".body") || column.endsWith("payload") || column.endsWith("_row")) {
            // free text without anything personal may pass unchanged; what must change is checked below
            assertThat(changed).as("%s changed in most rows", column).isGreaterThan(nonNull / 3);
        } else {
            assertThat(changed).as("%s changed in every non-null row", column).isEqualTo(nonNull);
        }
    }

    private static Map<String, String> values(Connection connection, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern NUMBERS = Pattern.compile("\\d(?:[ .-]?\\d){7,}");

    /** No email, phone (any spelling), IBAN or national id of the source's users appears in any row of the copy. */
    private static void assertNoSourceIdentifierAnywhere(Connection source, Connection copy) throws SQLException {
        Set<String> emails = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        try (ResultSet users = source.createStatement().executeQuery(
                "select lower(email), phone, iban, national_id from public.users")) {
            while (users.next()) {
                emails.add(users.getString(1));
                String phone = users.getString(2).replaceAll("\\D", "");
                numbers.add(phone.substring(phone.startsWith("213") ? 3 : 1)); // the national number, however written
                numbers.add(users.getString(3).substring(4));
                numbers.add(users.getString(4));
            }
        }
        int rowsChecked = 0;
        for (io.envclone.testing.batch.SourceBatches.Table table : io.envclone.testing.batch.SourceBatches.tables(copy)) {
            try (ResultSet rows = copy.createStatement().executeQuery("select t::text from " + table.schema() + "."
                    + table.name() + " t")) {
                while (rows.next()) {
                    String text = rows.getString(1);
                    rowsChecked++;
                    Matcher email = EMAIL.matcher(text);
                    while (email.find()) {
                        assertThat(emails).as("an email in %s", table.name()).doesNotContain(email.group().toLowerCase());
                    }
                    Matcher number = NUMBERS.matcher(text);
                    while (number.find()) {
                        String digits = number.group().replaceAll("\\D", "");
                        for (String known : numbers) {
                            assertThat(digits).as("a number in %s", table.name()).doesNotContain(known);
                        }
                    }
                }
            }
        }
        assertThat(rowsChecked).isGreaterThan(10_000);
    }

    /** Reservations whose guest name, email or phone differ from their guest's row in users. */
    private static long mismatches(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select count(*) filter (where r.guest_email <> u.email),"
                + " count(*) filter (where r.guest_name <> u.full_name), count(*) filter (where"
                + " regexp_replace(r.guest_phone, '\\D', '', 'g') <> regexp_replace(u.phone, '\\D', '', 'g')), count(*)"
                + " from public.reservations r join public.users u on u.id = r.guest_id")) {
            row.next();
            assertThat(row.getLong(4)).isGreaterThan(0);
            return row.getLong(1) * 1_000_000 + row.getLong(2) * 1_000 + row.getLong(3);
        }
    }
}
