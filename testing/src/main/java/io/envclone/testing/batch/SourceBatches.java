package io.envclone.testing.batch;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * A database's tables as the cloner sends them (the batch format is the contract between the
 * services, so a service's tests make batches without the cloner): every leaf table of the
 * schemas {@code public} and {@code audit} read with binary COPY, without generated columns, cut
 * into batches of {@code rowsPerBatch} rows, in memory and unencrypted; and sent to a topic.
 */
public final class SourceBatches {

    private SourceBatches() {
    }

    /** A leaf table: its columns, their types as declared and as sent, and its partitioned root, or null. */
    public record Table(String schema, String name, List<String> columns, List<String> types, List<String> wireTypes,
            String partitionOf) {
    }

    public static List<Table> tables(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (ResultSet row = connection.createStatement().executeQuery("""
                select n.nspname, c.relname, array_agg(a.attname::text order by a.attnum),
                       array_agg(format_type(a.atttypid, a.atttypmod) order by a.attnum),
                       array_agg(case when wt.typtype = 'e' then 'enum' else format_type(wt.oid, null) end order by a.attnum),
                       (select rn.nspname || '.' || r.relname from pg_class r join pg_namespace rn on rn.oid = r.relnamespace
                        where r.oid = pg_partition_root(c.oid) and r.oid <> c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                join pg_type t on t.oid = a.atttypid
                join pg_type wt on wt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
                where c.relkind = 'r' and n.nspname in ('public', 'audit')
                group by c.oid, n.nspname, c.relname order by 1, 2""")) {
            while (row.next()) {
                tables.add(new Table(row.getString(1), row.getString(2), List.of((String[]) row.getArray(3).getArray()),
                        List.of((String[]) row.getArray(4).getArray()), List.of((String[]) row.getArray(5).getArray()), row.getString(6)));
            }
        }
        return tables;
    }

    /** Every table of the database as batches of {@code rowsPerBatch} rows, in memory. */
    public static List<TableBatch> batches(Connection connection, String cloneId, int rowsPerBatch) throws Exception {
        List<TableBatch> batches = new ArrayList<>();
        for (Table table : tables(connection)) {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            String columns = String.join(", ", table.columns().stream().map(c -> "\"" + c + "\"").toList());
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table.schema() + "." + table.name()
                    + " (" + columns + ") to stdout (format binary)", copy);
            List<byte[]> payloads = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            CopyRows.Writer[] current = {new CopyRows.Writer(64 * 1024)};
            int[] rows = {0};
            CopyRows.forEach(copy.toByteArray(), row -> {
                current[0].startRow(row.fields());
                for (int field = 0; field < row.fields(); field++) {
                    current[0].copy(row, field);
                }
                if (++rows[0] == rowsPerBatch) {
                    payloads.add(current[0].finish());
                    counts.add(rows[0]);
                    current[0] = new CopyRows.Writer(64 * 1024);
                    rows[0] = 0;
                }
            });
            payloads.add(current[0].finish());
            counts.add(rows[0]);
            for (int seq = 0; seq < payloads.size(); seq++) {
                batches.add(new TableBatch(cloneId, table.schema(), table.name(), 0, 1, 1, seq, seq == payloads.size() - 1,
                        counts.get(seq), table.columns(), table.types(), table.wireTypes(), table.partitionOf(),
                        payloads.get(seq)));
            }
        }
        return batches;
    }


    /**
     * Puts {@code batches} on {@code topic} as the services do: encrypted under the clone's key, with
     * their headers, the encryption's, and {@code extraHeaders} (the rules version of anonymized ones).
     */
    public static void send(List<TableBatch> batches, String bootstrapServers, String topic, BatchCipher cipher,
            Map<String, String> extraHeaders) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (TableBatch batch : batches) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, batch.key(),
                        cipher.encrypt(batch.key(), batch.rows()));
                batch.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
                record.headers().add(new RecordHeader(BatchHeaders.ENCRYPTION,
                        BatchCipher.ALGORITHM.getBytes(StandardCharsets.UTF_8)));
                extraHeaders.forEach((name, value) -> record.headers().add(new RecordHeader(name,
                        value.getBytes(StandardCharsets.UTF_8))));
                producer.send(record).get();
            }
        }
    }
}
