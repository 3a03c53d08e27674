package io.envclone.cloner.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topic raw batches travel on. They hold production's personal data, so they are kept
 * only as long as the anonymizer needs (one hour), and a batch may be larger than Kafka's
 * default message limit.
 */
final class RawTopic {

    static final long RETENTION_MS = 60 * 60 * 1000L;
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    static final int PARTITIONS = 6;

    private RawTopic() {
    }

    static void ensure(String bootstrapServers, String topic) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic raw = new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()).configs(Map.of(
                    "retention.ms", Long.toString(RETENTION_MS),
                    "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES)));
            admin.createTopics(List.of(raw)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
