package io.envclone.cloner.stream;

/**
 * The key range of one chunk, {@code lower <= key < upper}; a null bound is open, so the first
 * and the last chunk also take keys that appear after the plan was made (a resumed clone reads a
 * newer snapshot): every key falls in exactly one chunk.
 */
public record ChunkBounds(Long lower, Long upper) {

    public static final ChunkBounds WHOLE_TABLE = new ChunkBounds(null, null);

    public boolean whole() {
        return lower == null && upper == null;
    }

    /** The condition on {@code key} that selects this range, or empty for the whole table. */
    String condition(String key) {
        if (lower != null && upper != null) {
            return key + " >= " + lower + " and " + key + " < " + upper;
        }
        if (lower != null) {
            return key + " >= " + lower;
        }
        return upper != null ? key + " < " + upper : "";
    }
}
