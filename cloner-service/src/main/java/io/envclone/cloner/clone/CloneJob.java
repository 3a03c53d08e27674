package io.envclone.cloner.clone;

import io.envclone.api.event.CloneEvent;
import io.envclone.cloner.stream.CancelToken;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** One clone this service runs: its state and per-table progress, fed by the clone's own events. */
public final class CloneJob {

    public enum State { RUNNING, DONE, FAILED, CANCELLED }

    /** A table's progress; {@code done} only once every batch is acknowledged. */
    public record TableProgress(String table, boolean done, long rows, long batches, long bytes) {
    }

    /** What {@code GET /api/clone/{id}} answers. */
    public record Status(String cloneId, State state, String reason, Instant startedAt, Instant endedAt,
            int tablesDone, long rows, long bytes, Map<String, TableProgress> tables) {
    }

    private final String cloneId;
    private final Instant startedAt = Instant.now();
    private final CancelToken cancel = new CancelToken();
    private final Map<String, TableProgress> tables = new ConcurrentHashMap<>();
    private volatile State state = State.RUNNING;
    private volatile String reason = "";
    private volatile Instant endedAt;

    CloneJob(String cloneId) {
        this.cloneId = cloneId;
    }

    void observe(CloneEvent event) {
        switch (event.type()) {
            case TABLE_STARTED -> tables.put(event.table(), new TableProgress(event.table(), false, 0, 0, 0));
            case TABLE_DONE -> tables.put(event.table(),
                    new TableProgress(event.table(), true, event.rows(), event.batches(), event.bytes()));
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

    CancelToken cancelToken() {
        return cancel;
    }

    /** Asks the clone to stop; its state becomes CANCELLED once the workers have stopped. */
    public void cancel() {
        cancel.cancel();
    }

    public Status status() {
        var done = tables.values().stream().filter(TableProgress::done).toList();
        return new Status(cloneId, state, reason, startedAt, endedAt, done.size(),
                done.stream().mapToLong(TableProgress::rows).sum(), done.stream().mapToLong(TableProgress::bytes).sum(),
                new TreeMap<>(tables));
    }
}
