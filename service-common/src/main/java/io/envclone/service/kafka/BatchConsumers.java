package io.envclone.service.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What every reader of a batch topic shares (the anonymizer of the raw one, the validator of the
 * anonymized one): a consumer that reads only committed batches and commits its own offsets, the
 * headers of a record, and partitions that wait while their clone is not registered yet.
 */
public final class BatchConsumers {

    private static final Duration PAUSE_FOR_UNKNOWN_CLONE = Duration.ofSeconds(1);

    private BatchConsumers() {
    }

    /** {@code read_committed}, no automatic commit, from the earliest offset of a new group, a few batches a poll. */
    public static Map<String, Object> config(String bootstrapServers, String groupId) {
        return Map.ofEntries(
                // a topic created after this consumer subscribed is seen within seconds, not five minutes
                Map.entry(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000),
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, groupId),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50),
                // a service that died without leaving its group holds its partitions this long: 10 s, not
                // the default 45, so a restarted validator or anonymizer resumes a clone promptly
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class),
                Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /**
     * Polls until {@code closed}, each poll's records (empty ones too) to {@code each}, resuming
     * waiting partitions first; the wakeup of a close ends it quietly, any other is thrown.
     */
    public static void pollUntilClosed(KafkaConsumer<String, byte[]> consumer, WaitingPartitions waiting,
            BooleanSupplier closed, Consumer<ConsumerRecords<String, byte[]>> each) {
        try {
            while (!closed.getAsBoolean()) {
                waiting.resumeDue(consumer);
                each.accept(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (WakeupException e) {
            if (!closed.getAsBoolean()) {
                throw e;
            }
        }
    }

    public static Map<String, byte[]> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    /** A header's text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The records lag the consumer knows from its last fetch, over its partitions, without a call to the broker. */
    public static long lag(KafkaConsumer<?, ?> consumer) {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        return lag;
    }

    /** Partitions held at a batch of a clone not registered yet: they wait there a second, the others go on. */
    public static final class WaitingPartitions {
        private final Map<TopicPartition, Instant> paused = new ConcurrentHashMap<>();

        /** Holds {@code partition} at {@code record}: it is read again from there once it resumes. */
        public void hold(KafkaConsumer<?, ?> consumer, TopicPartition partition, ConsumerRecord<?, ?> record) {
            consumer.seek(partition, record.offset());
            consumer.pause(List.of(partition));
            paused.put(partition, Instant.now().plus(PAUSE_FOR_UNKNOWN_CLONE));
        }

        /** Resumes the partitions whose wait is over; call before each poll. */
        public void resumeDue(KafkaConsumer<?, ?> consumer) {
            Instant now = Instant.now();
            paused.entrySet().removeIf(entry -> {
                if (entry.getValue().isBefore(now)) {
                    consumer.resume(List.of(entry.getKey()));
                    return true;
                }
                return false;
            });
        }

        /** A new consumer starts with nothing paused. */
        public void clear() {
            paused.clear();
        }
    }
}
