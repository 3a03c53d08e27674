package io.envclone.cloner.stream;

/** One unit of work of a clone: a key range of a table (or all of it), sent as one ordered run of batches. */
record TableChunk(SourceTable table, int index, int count, ChunkBounds bounds) {

    /** The COPY that reads this chunk, with the table's row filter when it has one. */
    String copyOutSql(String filter) {
        String columns = String.join(", ", table.quotedColumns());
        String range = bounds.condition(table.key() == null ? "" : table.key());
        if (range.isEmpty() && filter == null) {
            return "COPY " + table.qualified() + " (" + columns + ") TO STDOUT (FORMAT binary)";
        }
        String where = range.isEmpty() ? "(" + filter + ")" : filter == null ? range : range + " and (" + filter + ")";
        // ONLY: a table with plain inheritance children must not send their rows too (they are tables of their own)
        return "COPY (SELECT " + columns + " FROM ONLY " + table.qualified() + " WHERE " + where
                + ") TO STDOUT (FORMAT binary)";
    }

    String describe() {
        return table.displayName() + (count > 1 ? " chunk " + index + "/" + count : "");
    }
}
