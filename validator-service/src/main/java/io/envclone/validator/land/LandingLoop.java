package io.envclone.validator.land;

import io.envclone.api.batch.BatchHeaders;
import io.envclone.api.batch.TableBatch;
import io.envclone.service.kafka.BatchConsumers;
import io.envclone.service.kafka.ConsumedRecords;
import io.envclone.service.kafka.Restarting;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Lands the anonymized topic: each batch, read committed, is decrypted, passed through its clone's
 * gate and landed in its target; offsets are committed once their batches are in (or refused).
 * Delivered again after a crash, a landed batch is found in the target's ledger and skipped, so
 * the target holds each batch once. Committed records are deleted from the topic ({@link ConsumedRecords}). A refused batch fails its clone, and nothing of the clone lands
 * after it. A target out of reach stops the loop at that batch and it starts again from there.
 */
public final class LandingLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LandingLoop.class);

    /** Told what happened; never a row's values. */
    public interface Listener {
        default void landed(String cloneId, TableBatch batch, BatchLander.Outcome outcome) {
        }

        default void failed(String cloneId, String reason) {
        }
    }

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final Landings landings;
    private final Listener listener;
    private final BatchConsumers.WaitingPartitions waiting = new BatchConsumers.WaitingPartitions();
    private final String bootstrapServers;
    private volatile ConsumedRecords consumed;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;

    public LandingLoop(String bootstrapServers, String groupId, String topic, Landings landings, Listener listener) {
        this.consumerConfig = BatchConsumers.config(bootstrapServers, groupId);
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.landings = landings;
        this.listener = listener;
    }

    /** Runs until {@link #close()}; a failure of the consumer or of a target starts it again from what was not committed. */
    @Override
    public void run() {
        Restarting.run("landing loop", () -> closed, this::runConsumer, e -> false);
    }

    private void runConsumer() {
        consumer = new KafkaConsumer<>(consumerConfig);
        consumed = new ConsumedRecords(bootstrapServers);
        waiting.clear();
        try {
            consumer.subscribe(java.util.List.of(topic));
            BatchConsumers.pollUntilClosed(consumer, waiting, () -> closed, records -> {
                if (!records.isEmpty()) {
                    landAll(records);
                }
            });
        } finally {
            consumer.close(Duration.ofSeconds(5));
            consumed.close();
        }
    }

    private void landAll(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    Optional<Landings.Landing> landing = Optional.ofNullable(BatchConsumers.header(record,
                            BatchHeaders.CLONE_ID)).flatMap(landings::find);
                    if (landing.isEmpty()) {
                        waiting.hold(consumer, partition, record); // its clone is not registered (yet)
                        break;
                    }
                    land(record, landing.get());
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
        } finally {
            if (!done.isEmpty()) {
                consumer.commitSync(done);
                consumed.committed(done);
            }
        }
    }

    private void land(ConsumerRecord<String, byte[]> record, Landings.Landing landing) {
        String cloneId = landing.cloneId();
        if (landing.failure() != null) {
            return; // the clone failed: nothing more of it lands
        }
        String table = BatchConsumers.header(record, BatchHeaders.TABLE);
        TableBatch batch;
        try {
            batch = BatchHeaders.read(BatchConsumers.headers(record), record.value(), landing.cipher());
        } catch (IllegalArgumentException e) {
            fail(cloneId, table, "a batch of " + table + " cannot be read: " + e.getMessage());
            return;
        }
        Optional<LeakGate.Refusal> refusal = landing.gate().check(batch,
                BatchConsumers.header(record, BatchHeaders.RULES_VERSION));
        if (refusal.isPresent()) {
            fail(cloneId, table, "batch " + batch.id() + " refused, nothing of it landed: " + refusal.get().message());
            return;
        }
        try {
            listener.landed(cloneId, batch, landing.lander().land(batch));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                // the target is out of reach: not committed, this batch is read again when the loop starts again
                throw new IllegalStateException("target of clone " + cloneId + " out of reach: " + e.getMessage(), e);
            }
            fail(cloneId, table, e.getMessage());
        }
    }

    private void fail(String cloneId, String table, String reason) {
        LOG.errorf("clone %s table %s: %s", cloneId, table, reason);
        landings.failed(cloneId, reason);
        listener.failed(cloneId, reason);
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
