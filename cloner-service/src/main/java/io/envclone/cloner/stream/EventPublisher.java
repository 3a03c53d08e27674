package io.envclone.cloner.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.envclone.api.event.CloneEvent;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a clone's progress as JSON on {@code envclone.events}, keyed by clone id (one clone, one order). */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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
        try {
            producer.send(new ProducerRecord<>(topic, event.cloneId(), json.writeValueAsString(event)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
