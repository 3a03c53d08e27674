package io.envclone.cloner.stream;

import io.envclone.api.event.CloneEvent;
import io.envclone.service.kafka.EventJson;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a clone's progress as JSON on {@code envclone.events}, keyed by clone id (one clone, one order). */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final java.util.function.Consumer<CloneEvent> observer;

    EventPublisher(String bootstrapServers, String topic, java.util.function.Consumer<CloneEvent> observer,
            Map<String, Object> settings) {
        this.topic = topic;
        this.observer = observer;
        this.producer = SafeProducers.create(bootstrapServers, StringSerializer.class, settings, Map.of());
    }

    /** Best effort: progress must not stop a clone; the final event is awaited by {@link #close()}. */
    void publish(CloneEvent event) {
        observer.accept(event);
        producer.send(new ProducerRecord<>(topic, event.cloneId(), EventJson.write(event)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
