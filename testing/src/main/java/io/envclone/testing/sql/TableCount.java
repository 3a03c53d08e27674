package io.envclone.testing.sql;

import java.util.List;

/** Rows of one table, named with its schema ({@code public.users}). */
public record TableCount(String table, long rows) {

    /** Rows of {@code table} ({@code users} or {@code audit.audit_log}) in {@code counts}; -1 when not listed. */
    public static long rowsOf(List<TableCount> counts, String table) {
        String qualified = table.contains(".") ? table : "public." + table;
        return counts.stream().filter(t -> t.table().equals(qualified)).mapToLong(TableCount::rows).findFirst()
                .orElse(-1);
    }

    public static long total(List<TableCount> counts) {
        return counts.stream().mapToLong(TableCount::rows).sum();
    }
}
