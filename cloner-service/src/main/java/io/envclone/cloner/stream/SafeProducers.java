package io.envclone.cloner.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers that never duplicate a retried record and wait for every replica: the only kind the cloner uses. */
final class SafeProducers {

    private SafeProducers() {
    }

    /** {@code settings} (the operator's) win over {@code tuning} (ours); safety wins over both. */
    static <V> KafkaProducer<String, V> create(String bootstrapServers, Class<? extends Serializer<V>> values,
            Map<String, Object> settings, Map<String, Object> tuning) {
        Map<String, Object> config = new HashMap<>(tuning);
        config.putAll(settings);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, values);
        return new KafkaProducer<>(config);
    }
}
