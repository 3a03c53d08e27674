package io.envclone.cloner.stream;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a clone cuts its tables into chunks, fixed by its first attempt and kept in the checkpoints:
 * a resumed attempt must cut the same way, or "chunk 3 is done" would mean other rows.
 *
 * @param tables by {@code schema.table}
 */
public record ClonePlan(Map<String, TablePlan> tables) {

    public ClonePlan {
        tables = new TreeMap<>(tables);
    }

    /**
     * One table's chunks, with the columns it was planned with (a resumed attempt refuses a table whose
     * columns changed since: its finished chunks would not load beside the new ones).
     */
    public record TablePlan(List<String> columns, List<String> types, List<ChunkBounds> chunks) {

        public TablePlan {
            columns = List.copyOf(columns);
            types = List.copyOf(types);
            chunks = List.copyOf(chunks);
        }
    }
}
