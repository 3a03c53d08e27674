package io.envclone.testing.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import io.envclone.testing.sql.TableCount;

/** What {@link DemoDatabaseGenerator#generate} loaded: rows per table, database size, time taken. */
public record DemoSummary(double scale, long seed, List<TableCount> tables, long totalRows, long databaseBytes,
        Duration elapsed) {

    public DemoSummary {
        tables = List.copyOf(tables);
    }

    /** Rows of {@code table} ({@code users} or {@code audit.audit_log}); -1 when the table is not listed. */
    public long rows(String table) {
        return TableCount.rowsOf(tables, table);
    }

    /** A table of rows per table, then the total, the size and the time taken, for a terminal. */
    public String render() {
        int width = tables.stream().mapToInt(t -> t.table().length()).max().orElse(5);
        width = Math.max(width, "total".length());
        String line = "  %-" + width + "s %,12d%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Demo production database (scale %s, seed %d)%n", scale, seed));
        for (TableCount table : tables) {
            out.append(String.format(Locale.ROOT, line, table.table(), table.rows()));
        }
        out.append("  ").append("-".repeat(width + 13)).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, line, "total", totalRows));
        out.append(String.format(Locale.ROOT, "  database size %.1f MB, generated in %.1f s%n",
                databaseBytes / (1024.0 * 1024.0), elapsed.toMillis() / 1000.0));
        return out.toString();
    }
}
