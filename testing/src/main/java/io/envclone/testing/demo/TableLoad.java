package io.envclone.testing.demo;

import java.sql.SQLException;

/** The rows of one table, streamed into a COPY by {@link CopyLoader}. */
interface TableLoad {

    /** Schema-qualified table name, e.g. {@code public.users}. */
    String table();

    /** The COPY column list, in the order {@link #write} adds values. */
    String columns();

    /** Adds every row, in id order, ending each with {@link CopyRow#end()}. */
    void write(CopyRow row) throws SQLException;
}
