package io.envclone.validator.app;

import io.envclone.api.batch.TableBatch;
import io.envclone.service.config.KafkaConfig;
import io.envclone.service.kafka.LoopThread;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.LandingLoop;
import io.envclone.validator.land.Landings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs the landing loop for the life of the service, keeps each clone's progress and counts
 * batches landed, delivered again and refused (never labelled by clone or table).
 */
@ApplicationScoped
public class LandingStream implements LandingLoop.Listener {

    private static final Logger LOG = Logger.getLogger(LandingStream.class);

    /** A clone's landing so far. */
    public record Progress(long batches, long rows, long redelivered) {
    }

    private final Landings landings = new Landings();
    private final Map<String, AtomicLong[]> progress = new ConcurrentHashMap<>();
    private final KafkaConfig kafka;
    private final ValidatorConfig config;
    private final MeterRegistry registry;
    private LoopThread<LandingLoop> loop;
    private volatile java.util.function.BiConsumer<String, String> onFailure = (cloneId, reason) -> { };

    LandingStream(KafkaConfig kafka, ValidatorConfig config, MeterRegistry registry) {
        this.kafka = kafka;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent started) {
        loop = LoopThread.start(new LandingLoop(kafka.bootstrapServers(), config.groupId(), config.anonymizedTopic(),
                landings, this), "landing-loop");
        LOG.infof("landing loop started on %s", config.anonymizedTopic());
    }

    void stop(@Observes ShutdownEvent stopping) throws Exception {
        if (loop != null) {
            loop.stop();
        }
    }

    public Landings landings() {
        return landings;
    }

    public Progress progress(String cloneId) {
        AtomicLong[] counts = progress.get(cloneId);
        return counts == null ? new Progress(0, 0, 0) : new Progress(counts[0].get(), counts[1].get(), counts[2].get());
    }

    @Override
    public void landed(String cloneId, TableBatch batch, BatchLander.Outcome outcome) {
        AtomicLong[] counts = progress.computeIfAbsent(cloneId, id -> new AtomicLong[] {new AtomicLong(), new AtomicLong(),
                new AtomicLong()});
        if (outcome == BatchLander.Outcome.LANDED) {
            counts[0].incrementAndGet();
            counts[1].addAndGet(batch.rowCount());
            registry.counter("envclone.validator.batches.landed").increment();
            registry.counter("envclone.validator.rows.landed").increment(batch.rowCount());
        } else {
            counts[2].incrementAndGet();
            registry.counter("envclone.validator.batches.redelivered").increment();
        }
    }

    @Override
    public void failed(String cloneId, String reason) {
        registry.counter("envclone.validator.clones.failed").increment();
        onFailure.accept(cloneId, reason);
    }

    /** Who is told when a clone's landing fails (a batch refused or not landing): once, from the loop's thread. */
    void onFailure(java.util.function.BiConsumer<String, String> listener) {
        this.onFailure = listener;
    }
}
