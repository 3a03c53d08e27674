package io.envclone.service.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics batches travel on, created with their retention and size limits by whichever service
 * needs one first; a topic that exists is left as it is.
 */
public final class KafkaTopics {

    /** Raw batches hold production's personal data (encrypted): kept only as long as the anonymizer needs. */
    public static final long RAW_RETENTION_MS = 60 * 60 * 1000L;
    public static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    public static final int PARTITIONS = 6;
    /**
     * Small segments: the broker deletes whole segments only, so consumed records ({@link ConsumedRecords})
     * leave the disk within this much per partition (a batch is at most {@link #MAX_MESSAGE_BYTES}).
     */
    public static final int SEGMENT_BYTES = 16 * 1024 * 1024;

    private KafkaTopics() {
    }

    public static void ensure(String bootstrapServers, String topic, long retentionMs)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic created = new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()).configs(Map.of(
                    "retention.ms", Long.toString(retentionMs),
                    "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                    "segment.bytes", Integer.toString(SEGMENT_BYTES)));
            admin.createTopics(List.of(created)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
