package io.envclone.api.event;

import java.time.Instant;

/**
 * Progress of a clone on {@code envclone.events}, so the operator and dashboards follow it
 * without polling the databases. Counts only: never a row's values.
 *
 * <p>{@code CHUNK_DONE} and {@code TABLE_DONE} come only once every batch they count is
 * acknowledged by Kafka. A {@code TABLE_DONE} with a {@code reason} reports a table that an earlier
 * attempt of the clone sent: its counts are that attempt's, nothing was sent again.
 *
 * @param table {@code schema.table}, or empty for events about the whole clone
 * @param reason why a clone failed or was cancelled, or why a table was not sent again; empty otherwise
 */
public record CloneEvent(String cloneId, Type type, String table, long rows, long batches, long bytes, String reason,
        Instant at) {

    public static final String TOPIC = "envclone.events";

    public enum Type { CLONE_STARTED, TABLE_STARTED, CHUNK_DONE, TABLE_DONE, CLONE_DONE, CLONE_FAILED, CLONE_CANCELLED }

    public static CloneEvent of(String cloneId, Type type, String table, long rows, long batches, long bytes) {
        return new CloneEvent(cloneId, type, table, rows, batches, bytes, "", Instant.now());
    }

    public static CloneEvent failed(String cloneId, String reason) {
        return new CloneEvent(cloneId, Type.CLONE_FAILED, "", 0, 0, 0, reason, Instant.now());
    }
}
