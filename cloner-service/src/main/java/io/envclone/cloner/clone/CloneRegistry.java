package io.envclone.cloner.clone;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.source.SequenceValue;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.stream.Checkpoints;
import io.envclone.cloner.stream.CloneFingerprints;
import io.envclone.cloner.stream.CloneOptions;
import io.envclone.cloner.stream.CloneStreamer;
import io.envclone.cloner.stream.FingerprintRequest;
import io.envclone.service.config.KafkaConfig;
import io.envclone.service.database.ControlDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The clones this service runs, each on its own thread; their keys and credentials live only in that
 * thread (a fingerprint filter holds its key too, in memory, with its job).
 */
@ApplicationScoped
public class CloneRegistry {

    private static final Logger LOG = Logger.getLogger(CloneRegistry.class);

    private final Map<String, CloneJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "clone-runner");
        thread.setDaemon(true);
        return thread;
    });
    private final KafkaConfig kafka;
    private final CloneMetrics metrics;
    private final Checkpoints checkpoints;

    CloneRegistry(KafkaConfig kafka, CloneMetrics metrics, ControlDatabase controlDatabase) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.checkpoints = new ControlDatabaseCheckpoints(controlDatabase.pool());
    }

    /**
     * Starts a clone; refuses an id that is already running. An id that ran before (and failed, was
     * cancelled or was cut off by a restart of this service) resumes from its checkpoints.
     */
    public CloneJob start(String cloneId, SourceReference source, CloneOptions options, BatchCipher cipher,
            FingerprintRequest fingerprinting) {
        CloneJob job = new CloneJob(cloneId, !fingerprinting.isEmpty());
        CloneJob existing = jobs.putIfAbsent(cloneId, job);
        if (existing != null && existing.status().state() == CloneJob.State.RUNNING) {
            throw new IllegalStateException("clone " + cloneId + " is already running");
        }
        jobs.put(cloneId, job);
        runner.submit(() -> {
            try {
                new CloneStreamer(kafka.bootstrapServers(), "envclone.batches.raw").stream(cloneId, source, options,
                        fingerprinting, cipher, checkpoints, new CloneStreamer.Hooks(snapshot -> { }, event -> {
                            job.observe(event);
                            metrics.record(event);
                        }, job.cancelToken(), reads(job)));
            } catch (Exception e) {
                LOG.warnf("clone %s ended without finishing: %s", cloneId, e.getMessage());
                job.end(job.cancelToken().cancelled() ? CloneJob.State.CANCELLED : CloneJob.State.FAILED,
                        String.valueOf(e.getMessage()));
            }
        });
        return job;
    }

    private CloneStreamer.ReadListener reads(CloneJob job) {
        return new CloneStreamer.ReadListener() {
            @Override
            public void sequences(Map<String, SequenceValue> sequences) {
                job.sequencesRead(sequences);
            }

            @Override
            public void fingerprints(CloneFingerprints fingerprints) {
                job.fingerprinted(fingerprints);
                metrics.fingerprinted(fingerprints);
            }
        };
    }

    public Optional<CloneJob> find(String cloneId) {
        return Optional.ofNullable(jobs.get(cloneId));
    }

    @PreDestroy
    void stop() {
        jobs.values().forEach(job -> job.cancelToken().cancel());
        runner.shutdownNow();
    }
}
