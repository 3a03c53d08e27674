package io.envclone.cli.local;

import io.envclone.api.crd.CloneRequestStatus;

/**
 * A clone in flight as the command keeps it between runs: its id, the keys its batches were
 * encrypted and fingerprinted with (a resumed clone must use the same, its batches may still be
 * in Kafka), and its status as the orchestration last decided it.
 */
public record CloneRecord(String cloneId, String environment, String encryptionKey, String fingerprintKey,
        String startedAt, CloneRequestStatus status) {

    public CloneRecord with(CloneRequestStatus next) {
        return new CloneRecord(cloneId, environment, encryptionKey, fingerprintKey, startedAt, next);
    }

    @Override
    public String toString() {
        return "CloneRecord[" + cloneId + " into " + environment + ", " + status.phase() + "]";
    }
}
