package io.envclone.anonymizer.stream;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.testing.batch.SourceBatches;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw batches as the cloner sends them (the cloner is another service: the batch format is the
 * contract between them): every leaf table of a database read with binary COPY, cut into batches
 * of {@code rowsPerBatch} rows, encrypted under the clone's key, on the raw topic.
 */
final class RawBatches {

    private RawBatches() {
    }

    static List<TableBatch> batches(Connection connection, String cloneId, int rowsPerBatch) throws Exception {
        return SourceBatches.batches(connection, cloneId, rowsPerBatch);
    }

    /** Sends every table, encrypted under the clone's key; returns the batches sent. */
    static List<TableBatch> send(Connection connection, String bootstrapServers, String topic, String cloneId,
            BatchCipher cipher, int rowsPerBatch) throws Exception {
        List<TableBatch> sent = batches(connection, cloneId, rowsPerBatch);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (TableBatch batch : sent) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, batch.key(),
                        cipher.encrypt(batch.key(), batch.rows()));
                batch.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
                record.headers().add(new RecordHeader(BatchHeaders.ENCRYPTION,
                        BatchCipher.ALGORITHM.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        }
        return sent;
    }
}
