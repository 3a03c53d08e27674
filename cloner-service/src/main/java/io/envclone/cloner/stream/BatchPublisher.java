package io.envclone.cloner.stream;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends batches to the raw topic: idempotent (a retried send is not a duplicate), all replicas
 * acknowledge. Not compressed by Kafka: the payload is encrypted first, and ciphertext does not
 * compress (measured on the scale-1 demo: lz4 over it bought nothing and cost ~5% of the time). Thread-safe:
 * every table worker shares it.
 */
final class BatchPublisher implements AutoCloseable {

    static final String RAW_TOPIC = "envclone.batches.raw";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final BatchCipher cipher;

    BatchPublisher(String bootstrapServers, String topic, BatchCipher cipher, Map<String, Object> settings) {
        this.topic = topic;
        this.cipher = cipher;
        this.producer = SafeProducers.create(bootstrapServers, ByteArraySerializer.class, settings, Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // a table's batches share one partition: let several ride in one request
                ProducerConfig.BATCH_SIZE_CONFIG, 4 * 1024 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024));
    }

    /** Sends the batch with its rows encrypted: personal data never rests in Kafka in the clear. */
    Future<RecordMetadata> send(TableBatch batch) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, batch.key(),
                cipher.encrypt(batch.key(), batch.rows()));
        batch.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
        record.headers().add(new RecordHeader(BatchHeaders.ENCRYPTION,
                BatchCipher.ALGORITHM.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return producer.send(record);
    }

    /** Waits until every batch sent so far is acknowledged; a failure of any is this table's failure. */
    static void awaitAll(List<Future<RecordMetadata>> sends) throws ExecutionException, InterruptedException {
        for (Future<RecordMetadata> send : new ArrayList<>(sends)) {
            send.get();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
