package io.envclone.cloner.stream;

/** What one chunk sent, every batch acknowledged; {@code attempt} is the attempt of the clone that sent it. */
public record ChunkSent(String table, int chunk, int attempt, long rows, long batches, long bytes) {

    /** {@code schema.table#chunk}: how checkpoints name a chunk. */
    public String id() {
        return table + "#" + chunk;
    }
}
