package io.envclone.cloner.clone;

import io.envclone.api.event.CloneEvent;
import io.envclone.api.source.SequenceValue;
import io.envclone.cloner.stream.CancelToken;
import io.envclone.cloner.stream.CloneFingerprints;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** One clone this service runs: its state and per-table progress, fed by the clone's own events. */
public final class CloneJob {

    public enum State { RUNNING, DONE, FAILED, CANCELLED }

    /**
     * A table's progress; {@code done} only once every batch is acknowledged. {@code note} says when
     * an earlier attempt of the clone sent it.
     */
    public record TableProgress(String table, boolean done, long rows, long batches, long bytes, int chunksDone,
            String note) {

        TableProgress plus(CloneEvent chunk) {
            return new TableProgress(table, done, rows + chunk.rows(), batches + chunk.batches(), bytes + chunk.bytes(),
                    chunksDone + 1, note);
        }
    }

    /**
     * What {@code GET /api/clone/{id}} answers; {@code resumed} says what an attempt after the first kept.
     * {@code sequences}: the source's, {@code schema.name} to the value to set on the target, read
     * before the first batch (empty until then). {@code fingerprintsReady}: the source fingerprints
     * can be fetched ({@code GET /api/clone/{id}/fingerprints}); they are built before the first batch.
     */
    public record Status(String cloneId, State state, String reason, String resumed, Instant startedAt, Instant endedAt,
            int tablesDone, long rows, long bytes, Map<String, TableProgress> tables,
            Map<String, SequenceValue> sequences, boolean fingerprintsReady) {
    }

    private final String cloneId;
    private final boolean fingerprintsAsked;
    private final Instant startedAt = Instant.now();
    private final CancelToken cancel = new CancelToken();
    private final Map<String, TableProgress> tables = new ConcurrentHashMap<>();
    private volatile State state = State.RUNNING;
    private volatile String reason = "";
    private volatile String resumed = "";
    private volatile Instant endedAt;
    private volatile Map<String, SequenceValue> sequences = Map.of();
    private volatile CloneFingerprints fingerprints; // in memory only, as long as the job: the key is the caller's

    CloneJob(String cloneId, boolean fingerprintsAsked) {
        this.cloneId = cloneId;
        this.fingerprintsAsked = fingerprintsAsked;
    }

    void observe(CloneEvent event) {
        switch (event.type()) {
            case CLONE_STARTED -> resumed = event.reason();
            case TABLE_STARTED -> tables.putIfAbsent(event.table(),
                    new TableProgress(event.table(), false, 0, 0, 0, 0, ""));
            case CHUNK_DONE -> tables.merge(event.table(), new TableProgress(event.table(), false, event.rows(),
                    event.batches(), event.bytes(), 1, ""), (progress, ignored) -> progress.plus(event));
            case TABLE_DONE -> tables.merge(event.table(), new TableProgress(event.table(), true, event.rows(),
                    event.batches(), event.bytes(), 0, event.reason()), (progress, done) -> new TableProgress(
                            event.table(), true, event.rows(), event.batches(), event.bytes(), progress.chunksDone(),
                            event.reason()));
            case CLONE_DONE -> end(State.DONE, "");
            case CLONE_FAILED -> end(State.FAILED, event.reason());
            case CLONE_CANCELLED -> end(State.CANCELLED, event.reason());
            default -> { }
        }
    }

    void end(State ended, String why) {
        if (state == State.RUNNING) {
            reason = why;
            endedAt = Instant.now();
            state = ended;
        }
    }

    void sequencesRead(Map<String, SequenceValue> read) {
        sequences = Collections.unmodifiableMap(new TreeMap<>(read));
    }

    void fingerprinted(CloneFingerprints built) {
        fingerprints = built;
    }

    /** Whether the clone was started with columns to fingerprint. */
    public boolean fingerprintsAsked() {
        return fingerprintsAsked;
    }

    /** The source fingerprints, once built. */
    public Optional<CloneFingerprints> fingerprints() {
        return Optional.ofNullable(fingerprints);
    }

    CancelToken cancelToken() {
        return cancel;
    }

    /** Asks the clone to stop; its state becomes CANCELLED once the workers have stopped. */
    public void cancel() {
        cancel.cancel();
    }

    public Status status() {
        var done = tables.values().stream().filter(TableProgress::done).toList();
        return new Status(cloneId, state, reason, resumed, startedAt, endedAt, done.size(),
                tables.values().stream().mapToLong(TableProgress::rows).sum(),
                tables.values().stream().mapToLong(TableProgress::bytes).sum(),
                new TreeMap<>(tables), sequences, fingerprints != null);
    }
}
