package io.envclone.service.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Deletes a topic's records once its one consumer group committed past them: the anonymizer is the
 * only reader of the raw topic and the validator of the anonymized one, and a restart resumes from
 * the committed offsets, so nothing before them is read again. The broker's disk and page cache then
 * hold what is in flight, not the database, and production's rows (encrypted) leave the raw topic as
 * soon as they are anonymized rather than at the end of its retention. At most once per interval,
 * without waiting for the broker; a deletion that fails is tried again with the next.
 */
public final class ConsumedRecords implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumedRecords.class);
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final Admin admin;
    private final long everyNanos;
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    private long last;

    public ConsumedRecords(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.everyNanos = EVERY.toNanos();
        this.last = System.nanoTime() - everyNanos; // the first commit deletes at once
    }

    /** The group committed {@code offsets}: what lies before them may go. */
    public synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> pending.merge(partition, offset.offset(), Math::max));
        long now = System.nanoTime();
        if (pending.isEmpty() || now - last < everyNanos) {
            return;
        }
        last = now;
        Map<TopicPartition, Long> before = new HashMap<>(pending);
        pending.clear();
        Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
        before.forEach((partition, offset) -> deletions.put(partition, RecordsToDelete.beforeOffset(offset)));
        admin.deleteRecords(deletions).all().whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.debugf("consumed records not deleted yet (tried again with the next commit): %s", failure.getMessage());
                synchronized (this) {
                    before.forEach((partition, offset) -> pending.merge(partition, offset, Math::max));
                }
            }
        });
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
