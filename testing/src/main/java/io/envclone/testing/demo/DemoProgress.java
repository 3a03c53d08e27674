package io.envclone.testing.demo;

/** Hears about the demo database as it fills, so a command can show progress. */
@FunctionalInterface
public interface DemoProgress {

    /** {@code table} (schema-qualified) now holds {@code rows} rows; later tables are still to come. */
    void tableLoaded(String table, long rows);
}
