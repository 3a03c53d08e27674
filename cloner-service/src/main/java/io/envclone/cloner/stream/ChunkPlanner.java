package io.envclone.cloner.stream;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the clone's tables into chunks, inside its snapshot. A table larger than
 * {@code chunkBytes} with an integer leading primary-key column becomes key ranges of equal width,
 * so several workers share it; any other table is one chunk. A resumed clone keeps the plan of its
 * first attempt, and only tables new since then are planned afresh.
 */
final class ChunkPlanner {

    private final long chunkBytes;

    ChunkPlanner(long chunkBytes) {
        this.chunkBytes = chunkBytes;
    }

    ClonePlan plan(Connection connection, List<SourceTable> tables, ClonePlan earlier) throws SQLException {
        Map<String, ClonePlan.TablePlan> planned = new LinkedHashMap<>();
        for (SourceTable table : tables) {
            ClonePlan.TablePlan kept = earlier == null ? null : earlier.tables().get(table.displayName());
            if (kept != null && !(kept.columns().equals(table.columns()) && kept.types().equals(table.types()))) {
                throw new IllegalStateException("the columns of " + table.displayName() + " changed since the clone's"
                        + " first attempt: its sent rows would not match the new ones; start a new clone (another cloneId)");
            }
            planned.put(table.displayName(), kept != null ? kept
                    : new ClonePlan.TablePlan(table.columns(), table.types(), chunks(connection, table)));
        }
        return new ClonePlan(planned);
    }

    private List<ChunkBounds> chunks(Connection connection, SourceTable table) throws SQLException {
        long wanted = Math.min(CloneOptions.MAX_CHUNKS_PER_TABLE, (table.bytes() + chunkBytes - 1) / chunkBytes);
        if (table.key() == null || wanted <= 1) {
            return List.of(ChunkBounds.WHOLE_TABLE);
        }
        try (Statement statement = connection.createStatement(); ResultSet range = statement.executeQuery(
                "select min(" + table.key() + ")::bigint, max(" + table.key() + ")::bigint from only " + table.qualified())) {
            range.next();
            long min = range.getLong(1);
            if (range.wasNull()) {
                return List.of(ChunkBounds.WHOLE_TABLE);
            }
            return new ArrayList<>(KeyRanges.split(min, range.getLong(2), (int) wanted));
        }
    }

    /** Every chunk of the plan for the tables listed, largest table first, so the longest work starts early. */
    static List<TableChunk> chunksOf(ClonePlan plan, List<SourceTable> tables) {
        List<TableChunk> chunks = new ArrayList<>();
        for (SourceTable table : tables) {
            List<ChunkBounds> bounds = plan.tables().get(table.displayName()).chunks();
            for (int i = 0; i < bounds.size(); i++) {
                chunks.add(new TableChunk(table, i, bounds.size(), bounds.get(i)));
            }
        }
        return chunks;
    }
}
