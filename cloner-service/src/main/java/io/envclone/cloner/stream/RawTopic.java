package io.envclone.cloner.stream;

import io.envclone.service.kafka.KafkaTopics;
import java.util.concurrent.ExecutionException;

/**
 * The topic raw batches travel on. They hold production's personal data, so they are kept only
 * as long as the anonymizer needs (one hour), and a batch may be larger than Kafka's default
 * message limit.
 */
final class RawTopic {

    private RawTopic() {
    }

    static void ensure(String bootstrapServers, String topic) throws InterruptedException, ExecutionException {
        KafkaTopics.ensure(bootstrapServers, topic, KafkaTopics.RAW_RETENTION_MS);
    }
}
