package io.envclone.cloner.stream;

/** Where a batch is cut: at {@code rows} rows or {@code bytes} bytes, whichever comes first. */
public record BatchLimits(int rows, int bytes) {

    public BatchLimits {
        if (rows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1, was " + rows);
        }
        if (bytes < 1024 || bytes > 8 * 1024 * 1024) {
            throw new IllegalArgumentException("batchBytes must be between 1 KiB and 8 MiB, was " + bytes);
        }
    }

    public static BatchLimits defaults() {
        return new BatchLimits(10_000, 1024 * 1024);
    }
}
