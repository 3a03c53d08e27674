package io.envclone.cloner.clone;

import io.envclone.api.event.CloneEvent;
import io.envclone.cloner.stream.CloneFingerprints;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus metrics of the clones, from their events and their fingerprinting: tagged by outcome or
 * nothing, never by clone id or table (unbounded labels hurt Prometheus; the events and logs name them).
 */
@ApplicationScoped
public class CloneMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger running;
    private final Counter rows;
    private final Counter bytes;
    private final Counter batches;
    private final Counter tables;
    private final Timer fingerprinting;
    private final Counter fingerprinted;

    CloneMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.running = registry.gauge("envclone.clones.running", new AtomicInteger());
        this.rows = Counter.builder("envclone.clone.rows.sent").description("Rows sent to Kafka").register(registry);
        this.bytes = Counter.builder("envclone.clone.bytes.sent").baseUnit("bytes")
                .description("Binary COPY bytes sent to Kafka, before encryption").register(registry);
        this.batches = Counter.builder("envclone.clone.batches.sent").description("Batches acknowledged by Kafka")
                .register(registry);
        this.tables = Counter.builder("envclone.clone.tables.done").description("Tables sent completely")
                .register(registry);
        this.fingerprinting = Timer.builder("envclone.clone.fingerprinting")
                .description("Reading a clone's source fingerprints, before its first batch").register(registry);
        this.fingerprinted = Counter.builder("envclone.clone.fingerprint.values")
                .description("Source values added to clones' fingerprints").register(registry);
    }

    void fingerprinted(CloneFingerprints built) {
        fingerprinting.record(built.elapsed());
        fingerprinted.increment(built.values());
    }

    void record(CloneEvent event) {
        switch (event.type()) {
            case CLONE_STARTED -> running.incrementAndGet();
            case CHUNK_DONE -> {
                rows.increment(event.rows());
                bytes.increment(event.bytes());
                batches.increment(event.batches());
            }
            case TABLE_DONE -> {
                if (event.reason().isEmpty()) { // not a table an earlier attempt sent
                    tables.increment();
                }
            }
            case CLONE_DONE, CLONE_FAILED, CLONE_CANCELLED -> {
                running.decrementAndGet();
                registry.counter("envclone.clones.ended", "outcome",
                        event.type().name().substring("CLONE_".length()).toLowerCase(java.util.Locale.ROOT)).increment();
            }
            default -> { }
        }
    }
}
