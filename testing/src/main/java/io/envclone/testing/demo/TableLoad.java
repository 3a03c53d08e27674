package io.envclone.testing.demo;

import java.sql.SQLException;

/** The rows of one table, streamed into a COPY by {@link CopyLoader}. */
abstract class TableLoad {

    protected final DemoWorld world;
    private final String table;
    private final String columns;

    /**
     * @param table schema-qualified name, e.g. {@code public.users}
     * @param columns the COPY column list, in the order {@link #write} adds values
     */
    TableLoad(DemoWorld world, String table, String columns) {
        this.world = world;
        this.table = table;
        this.columns = columns;
    }

    final String table() {
        return table;
    }

    final String columns() {
        return columns;
    }

    /** Adds every row, in id order, ending each with {@link CopyRow#end()}. */
    abstract void write(CopyRow row) throws SQLException;
}
