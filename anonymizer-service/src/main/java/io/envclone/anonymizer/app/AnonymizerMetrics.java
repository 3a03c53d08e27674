package io.envclone.anonymizer.app;

import io.envclone.anonymizer.stream.AnonymizerLoop;
import io.envclone.api.batch.TableBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prometheus metrics of the stream: batches, rows and bytes anonymized, rows per transformer
 * (a bounded label: the transformer names), failed batches, and the lag behind the raw topic
 * (batches not yet read). Never labelled by clone or table.
 */
@ApplicationScoped
public class AnonymizerMetrics implements AnonymizerLoop.Listener {

    private final MeterRegistry registry;
    private final Counter batches;
    private final Counter rows;
    private final Counter bytes;
    private final Counter failures;
    private final java.util.concurrent.atomic.AtomicLong lag = new java.util.concurrent.atomic.AtomicLong();

    AnonymizerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batches = Counter.builder("envclone.anonymizer.batches").description("Batches anonymized").register(registry);
        this.rows = Counter.builder("envclone.anonymizer.rows").description("Rows anonymized").register(registry);
        this.bytes = Counter.builder("envclone.anonymizer.bytes").baseUnit("bytes")
                .description("Binary COPY bytes produced, before encryption").register(registry);
        this.failures = Counter.builder("envclone.anonymizer.failures")
                .description("Batches sent to the dead-letter topic").register(registry);
        io.micrometer.core.instrument.Gauge.builder("envclone.anonymizer.lag", lag, java.util.concurrent.atomic.AtomicLong::get)
                .baseUnit("batches").description("Raw batches not yet read by this instance").register(registry);
    }

    @Override
    public void anonymized(TableBatch batch) {
        batches.increment();
        rows.increment(batch.rowCount());
        bytes.increment(batch.rows().length);
    }

    @Override
    public void transformed(String transformer, int count) {
        registry.counter("envclone.anonymizer.values.transformed", "transformer", transformer).increment(count);
    }

    @Override
    public void failed(String cloneId) {
        failures.increment();
    }

    @Override
    public void lag(long records) {
        lag.set(records);
    }
}
