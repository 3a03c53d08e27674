package io.envclone.validator.app;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.source.SequenceValue;
import io.envclone.validator.api.Target;
import io.envclone.validator.environment.CopySchemas;
import io.envclone.validator.environment.DatabaseNames;
import io.envclone.validator.environment.EnvironmentCopies;
import io.envclone.validator.environment.EnvironmentLayout;
import io.envclone.validator.environment.EnvironmentBuild;
import io.envclone.validator.environment.ServerDatabases;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.LeakGate;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * A clone's way into its environment, from the first batch to the switch: its copy is prepared
 * beside the environment and its batches land there; on {@code finish} the validator waits for the
 * last rows the cloner counted, finishes the copy, validates it, and switches the environment to
 * it only when every check passed. A clone that fails at any step leaves the environment as it
 * was and its copy removed.
 */
@ApplicationScoped
public class CloneLandings {

    private static final Logger LOG = Logger.getLogger(CloneLandings.class);

    public enum Phase { LANDING, FINISHING, VALIDATING, READY, FAILED }

    /** What the caller knows once the cloner is done: the post-data DDL, the sequences and the counts. */
    public record Finish(List<String> postData, Map<String, SequenceValue> sequences, Map<String, Long> expectedRows,
            Duration retention, FinishedValidation.Spec validation) {
    }

    /** A clone's landing as {@code GET /api/land/{id}} shows it. */
    public record Status(String cloneId, String environment, Phase phase, String reason, long batches, long rows,
            long redelivered, String reportId, boolean reportPassed, String layout) {
    }

    private static final class Clone {
        final String cloneId;
        final DatabaseNames names;
        final Target target;
        final List<String> preData;
        final LeakGate gate;
        final EnvironmentCopies copies;
        final String layout;
        volatile Phase phase = Phase.LANDING;
        volatile String reason = "";
        volatile String reportId;
        volatile boolean reportPassed;

        Clone(String cloneId, DatabaseNames names, Target target, List<String> preData, LeakGate gate,
                EnvironmentCopies copies, String layout) {
            this.cloneId = cloneId;
            this.names = names;
            this.target = target;
            this.preData = preData;
            this.gate = gate;
            this.copies = copies;
            this.layout = layout;
        }
    }

    private final Map<String, Clone> clones = new ConcurrentHashMap<>();
    private final ExecutorService finishing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "clone-finish");
        thread.setDaemon(true);
        return thread;
    });
    private final LandingStream stream;
    private final ValidatorConfig config;
    private final FinishedValidation validation;
    private final MeterRegistry registry;

    CloneLandings(LandingStream stream, ValidatorConfig config, FinishedValidation validation, MeterRegistry registry) {
        this.stream = stream;
        this.config = config;
        this.validation = validation;
        this.registry = registry;
        stream.onFailure(this::failed);
    }

    /**
     * Prepares the clone's copy (or finds it again after a restart) and starts landing its batches
     * there. {@code maintenance} is the allowed connection {@link WriteGuard} gave; it is closed here.
     * {@code replaceConfirmed}: the guard allowed replacing what the environment's database holds.
     */
    public EnvironmentBuild.Prepared start(String cloneId, DatabaseNames names, String type, Target target,
            List<String> preData, BatchCipher cipher, LeakGate gate, Connection maintenance, boolean replaceConfirmed)
            throws SQLException {
        try (maintenance) {
            Clone held = clones.get(cloneId);
            if (held != null && held.phase != Phase.FAILED) {
                return EnvironmentBuild.Prepared.RESUMED; // asked again by a caller that restarted: it lands on as it was
            }
            EnvironmentLayout layout = layout(maintenance, names, target);
            EnvironmentCopies copies = layout.oneDatabase()
                    ? EnvironmentCopies.oneDatabase(names, CopySchemas.of(preData), target::connect)
                    : EnvironmentCopies.databases(names, target::connect, config.maintenanceDatabase());
            EnvironmentBuild.Prepared prepared = copies.prepare(type, cloneId, preData, replaceConfirmed);
            Clone clone = new Clone(cloneId, names, target, preData, gate, copies, layout.reason());
            clones.put(cloneId, clone);
            stream.landings().register(cloneId, cipher, gate, new BatchLander(target.connect(copies.landingDatabase()),
                    copies.landingSchema()));
            LOG.infof("clone %s: environment %s keeps its copies as %s", cloneId, names.environment(), layout.reason());
            return prepared;
        }
    }

    /** Starts finishing the clone in the background: {@code GET /api/land/{id}} follows it. */
    public void finish(String cloneId, Finish finish) {
        Clone clone = clones.get(cloneId);
        if (clone == null) {
            throw new IllegalStateException("no clone " + cloneId + " lands on this validator: start it with POST /api/land");
        }
        if (clone.phase != Phase.LANDING) {
            throw new IllegalStateException("clone " + cloneId + " is " + clone.phase + ", not landing: it can be finished"
                    + " once");
        }
        clone.phase = Phase.FINISHING;
        finishing.submit(() -> runFinish(clone, finish));
    }

    /** The clone failed elsewhere (the cloner, the anonymizer) or was cancelled: its copy goes. */
    public void abandon(String cloneId, String reason) {
        failed(cloneId, reason.isBlank() ? "abandoned by the caller" : reason);
    }

    public Optional<Status> status(String cloneId) {
        Clone clone = clones.get(cloneId);
        if (clone == null) {
            return Optional.empty();
        }
        LandingStream.Progress progress = stream.progress(cloneId);
        return Optional.of(new Status(cloneId, clone.names.environment(), clone.phase, clone.reason, progress.batches(),
                progress.rows(), progress.redelivered(), clone.reportId, clone.reportPassed, clone.layout));
    }

    private void runFinish(Clone clone, Finish finish) {
        long started = System.nanoTime();
        try {
            awaitRows(clone, finish.expectedRows());
            stream.landings().end(clone.cloneId, "landed whole: later deliveries are skipped");
            clone.copies.finish(finish.postData(), finish.sequences());
            clone.phase = Phase.VALIDATING;
            Duration retention = finish.retention() == null ? config.retention() : finish.retention();
            FinishedValidation.Outcome[] outcome = new FinishedValidation.Outcome[1];
            boolean switched = clone.copies.validateAndSwitch(retention, Instant.now(), copy -> {
                outcome[0] = validation.validate(copy, clone.cloneId, clone.names.environment(), new MigrationScript(
                        clone.preData, finish.postData(), List.of()), finish.expectedRows(), clone.gate,
                        finish.validation());
                return outcome[0].passed();
            });
            clone.reportId = outcome[0].reportId();
            clone.reportPassed = outcome[0].passed();
            if (!switched) {
                throw new IllegalStateException("validation failed: " + outcome[0].summary() + "; see report "
                        + outcome[0].reportId());
            }
            clone.phase = Phase.READY;
            registry.timer("envclone.validator.finish").record(Duration.ofNanos(System.nanoTime() - started));
            LOG.infof("clone %s: environment %s is ready", clone.cloneId, clone.names.environment());
        } catch (Exception e) {
            failed(clone.cloneId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Waits until the copy holds exactly the rows the cloner counted, table by table (more is a chunk sent
     * again whose new attempt has not replaced the old one yet); a failed landing stops the wait.
     */
    private void awaitRows(Clone clone, Map<String, Long> expected) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(config.finishTimeout());
        try (Connection copy = clone.target.connect(clone.copies.landingDatabase())) {
            while (true) {
                if (clone.phase == Phase.FAILED) {
                    throw new IllegalStateException(clone.reason);
                }
                Map<String, Long> landed = BatchLander.landedRows(copy, clone.cloneId);
                boolean complete = expected.entrySet().stream()
                        .allMatch(table -> landed.getOrDefault(table.getKey(), 0L).equals(table.getValue()));
                if (complete) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the clone's last batches did not land within " + config.finishTimeout()
                            + ": landed " + landed + ", expected " + expected);
                }
                Thread.sleep(200);
            }
        }
    }

    private void failed(String cloneId, String reason) {
        Clone clone = clones.get(cloneId);
        if (clone == null || clone.phase == Phase.FAILED || clone.phase == Phase.READY) {
            return;
        }
        clone.reason = reason;
        clone.phase = Phase.FAILED;
        stream.landings().end(cloneId, reason);
        try {
            clone.copies.discard();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("clone %s failed, and its copy %s could not be dropped: %s", cloneId, clone.names.build(),
                    e.getMessage());
        }
        LOG.warnf("clone %s failed: %s; environment %s left as it was", cloneId, reason, clone.names.environment());
    }

    /** Where this target keeps the environment's copies ({@link EnvironmentLayout}), decided before anything is built. */
    private static EnvironmentLayout layout(Connection maintenance, DatabaseNames names, Target target) throws SQLException {
        if (!new ServerDatabases(maintenance).exists(names.live())) {
            return EnvironmentLayout.choose(maintenance, null, names.live());
        }
        try (Connection environment = target.connect(names.live())) {
            return EnvironmentLayout.choose(maintenance, environment, names.live());
        }
    }

    @PreDestroy
    void stop() {
        finishing.shutdownNow();
    }
}
