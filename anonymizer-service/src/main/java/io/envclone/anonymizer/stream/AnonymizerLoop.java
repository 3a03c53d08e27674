package io.envclone.anonymizer.stream;

import io.envclone.anonymizer.batch.BatchAnonymizer;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.event.CloneEvent;
import io.envclone.service.kafka.BatchConsumers;
import io.envclone.service.kafka.ConsumedRecords;
import io.envclone.service.kafka.EventJson;
import io.envclone.service.kafka.KafkaTopics;
import io.envclone.service.kafka.Restarting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Consume, transform, produce, exactly once: each poll's batches are anonymized and sent, with
 * the consumer's offsets, in one Kafka transaction, so after a crash or a restart no batch is
 * missing and none is there twice for a {@code read_committed} reader. A batch that cannot be
 * processed goes to the dead-letter topic with its reason, the clone is told failed on
 * {@code envclone.events}, and nothing of it reaches the anonymized topic.
 */
public final class AnonymizerLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AnonymizerLoop.class);
    /** Anonymized batches wait for the validator; a day covers a validator down overnight. */
    private static final long ANONYMIZED_RETENTION_MS = 24 * 60 * 60 * 1000L;
    /** Dead letters (still encrypted) are kept a week, for a person to look at. */
    private static final long DEAD_LETTER_RETENTION_MS = 7 * 24 * 60 * 60 * 1000L;

    /** Where the loop reads and writes. */
    public record Topics(String raw, String anonymized, String deadLetter, String events) {

        public static Topics defaults() {
            return new Topics("envclone.batches.raw", "envclone.batches.anonymized", "envclone.batches.dead-letter",
                    CloneEvent.TOPIC);
        }
    }

    /** What the loop did, for metrics: batches, rows and bytes out, per-transformer rows, failures. */
    public interface Listener {
        void anonymized(TableBatch batch);

        void transformed(String transformer, int rows);

        void failed(String cloneId);

        /** Records of the raw topic not yet read by this instance, over its partitions, after each poll. */
        default void lag(long records) {
        }

        Listener NONE = new Listener() {
            @Override
            public void anonymized(TableBatch batch) {
            }

            @Override
            public void transformed(String transformer, int rows) {
            }

            @Override
            public void failed(String cloneId) {
            }
        };
    }

    private final String bootstrapServers;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    /** Raw records before the committed offsets are deleted: production's rows do not wait for the retention. */
    private ConsumedRecords consumed;
    private final Topics topics;
    private final CloneRegistrations registrations;
    private final Listener listener;
    private final BatchConsumers.WaitingPartitions waiting = new BatchConsumers.WaitingPartitions();
    private volatile boolean closed;

    /**
     * {@code transactionalId} must be stable per instance (a pod's name): a restarted instance fences
     * its predecessor's unfinished transaction, which is then never seen downstream.
     */
    public AnonymizerLoop(String bootstrapServers, String groupId, String transactionalId, Topics topics,
            CloneRegistrations registrations, Listener listener) {
        this.topics = topics;
        this.registrations = registrations;
        this.listener = listener;
        this.bootstrapServers = bootstrapServers;
        this.consumerConfig = BatchConsumers.config(bootstrapServers, groupId);
        this.producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    /**
     * Runs until {@link #close()}: a broker out of reach or any other failure of the clients starts
     * them again (what was not committed is read again); only a fence (this instance's id taken by a
     * newer one) or an {@link Error} ends it.
     */
    @Override
    public void run() {
        // a fence: another instance took this one's transactional id
        Restarting.run("anonymizer loop", () -> closed, this::runClients, e -> e instanceof ProducerFencedException);
    }

    private void runClients() {
        try {
            KafkaTopics.ensure(bootstrapServers, topics.raw(), KafkaTopics.RAW_RETENTION_MS);
            KafkaTopics.ensure(bootstrapServers, topics.anonymized(), ANONYMIZED_RETENTION_MS);
            KafkaTopics.ensure(bootstrapServers, topics.deadLetter(), DEAD_LETTER_RETENTION_MS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new KafkaException("cannot create the anonymizer's topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating the anonymizer's topics", e);
        }
        consumer = new KafkaConsumer<>(consumerConfig);
        producer = new KafkaProducer<>(producerConfig);
        consumed = new ConsumedRecords(bootstrapServers);
        waiting.clear();
        try {
            producer.initTransactions(); // fences any earlier instance with the same transactional id
            consumer.subscribe(List.of(topics.raw()));
            BatchConsumers.pollUntilClosed(consumer, waiting, () -> closed, records -> {
                listener.lag(BatchConsumers.lag(consumer));
                if (!records.isEmpty()) {
                    processInOneTransaction(records);
                }
            });
        } finally {
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
            consumed.close();
        }
    }

    private void processInOneTransaction(ConsumerRecords<String, byte[]> records) {
        producer.beginTransaction();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    String cloneId = BatchConsumers.header(record, BatchHeaders.CLONE_ID);
                    var registration = cloneId == null ? null : registrations.find(cloneId).orElse(null);
                    if (cloneId != null && registration == null) {
                        waiting.hold(consumer, partition, record); // not registered yet
                        break;
                    }
                    process(record, registration);
                    offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
            consumed.committed(offsets); // anonymized and committed: the raw rows are needed no more
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("anonymizer transaction aborted, the batches are read again: %s", e.getMessage());
            producer.abortTransaction();
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void process(ConsumerRecord<String, byte[]> record, CloneRegistrations.Registration registration) {
        String cloneId = registration == null ? "" : registration.cloneId();
        String table = BatchConsumers.header(record, BatchHeaders.TABLE);
        if (registration == null) {
            deadLetter(record, "the batch has no " + BatchHeaders.CLONE_ID + " header");
            return;
        }
        if (registration.failure() != null) {
            deadLetter(record, "clone " + cloneId + " failed earlier: " + registration.failure());
            return;
        }
        try {
            TableBatch batch = BatchHeaders.read(BatchConsumers.headers(record), record.value(), registration.cipher());
            TableBatch anonymized = BatchAnonymizer.anonymize(batch, registration.rules(), listener::transformed);
            producer.send(anonymizedRecord(anonymized, registration));
            listener.anonymized(anonymized);
        } catch (RuntimeException e) {
            String reason = "anonymizing " + table + " failed: " + e.getMessage();
            LOG.errorf("clone %s table %s: %s", cloneId, table, reason);
            registrations.failed(cloneId, reason);
            listener.failed(cloneId);
            deadLetter(record, reason);
            producer.send(new ProducerRecord<>(topics.events(), cloneId,
                    EventJson.write(CloneEvent.failed(cloneId, reason)).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private ProducerRecord<String, byte[]> anonymizedRecord(TableBatch batch, CloneRegistrations.Registration registration) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topics.anonymized(), batch.key(),
                registration.cipher().encrypt(batch.key(), batch.rows()));
        batch.headers().forEach((name, value) -> out.headers().add(new RecordHeader(name, value)));
        out.headers().add(new RecordHeader(BatchHeaders.ENCRYPTION, BatchCipher.ALGORITHM.getBytes(StandardCharsets.UTF_8)));
        out.headers().add(new RecordHeader(BatchHeaders.RULES_VERSION,
                registration.rules().version().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /** The batch as it came (still encrypted), with the reason: an operator can see what failed, never in the clear. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topics.deadLetter(), record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add(new RecordHeader(BatchHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8)));
        producer.send(dead);
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
