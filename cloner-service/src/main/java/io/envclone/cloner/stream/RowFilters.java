package io.envclone.cloner.stream;

import java.util.Map;
import java.util.TreeMap;

/**
 * Row filters for subsets: {@code schema.table} to an SQL condition, applied as
 * {@code WHERE (condition)} when the table is read. A filter on a partitioned table applies to
 * each of its partitions. Conditions run in the clone's read-only transaction, so they cannot
 * write; they are still checked here to be one condition, so a filter cannot end the query and
 * start another.
 */
public record RowFilters(Map<String, String> byTable) {

    static final int MAX_LENGTH = 4_000;

    public RowFilters {
        byTable = new TreeMap<>(byTable == null ? Map.of() : byTable);
        byTable.forEach(RowFilters::check);
    }

    public static RowFilters none() {
        return new RowFilters(Map.of());
    }

    /** The filter of {@code table}: its own, or that of the partitioned table it belongs to; null when none. */
    String forTable(SourceTable table) {
        String own = byTable.get(table.displayName());
        return own != null ? own : byTable.get(table.root());
    }

    private static void check(String table, String condition) {
        String field = "where." + table;
        if (!table.matches("[^.]+\\.[^.]+")) {
            throw new IllegalArgumentException(field + " must name a table as schema.table");
        }
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException(field + " is empty: give a condition such as \"created_at > now() - interval '90 days'\"");
        }
        if (condition.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_LENGTH + " characters");
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: still balanced
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' || condition.startsWith("--", i) || condition.startsWith("/*", i)
                    || condition.startsWith("$", i) && i + 1 < condition.length() && condition.charAt(i + 1) == '$') {
                throw new IllegalArgumentException(field + " must be one condition: no ';', comments or dollar quotes");
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw new IllegalArgumentException(field + " closes a parenthesis it did not open");
            }
        }
        if (quote != 0 || depth != 0) {
            throw new IllegalArgumentException(field + " has an unclosed " + (quote != 0 ? "quote" : "parenthesis"));
        }
    }
}
