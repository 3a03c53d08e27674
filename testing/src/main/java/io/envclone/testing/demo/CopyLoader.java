package io.envclone.testing.demo;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Runs one {@code COPY … FROM STDIN} per table and streams the rows a {@link TableLoad} makes. */
final class CopyLoader {

    private CopyLoader() {
    }

    /** Loads {@code load} and returns the number of rows the server stored. */
    static long load(Connection connection, TableLoad load) throws SQLException {
        String sql = "COPY " + load.table() + " (" + load.columns() + ") FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            CopyRow row = new CopyRow(copy);
            load.write(row);
            row.flush();
            long stored = copy.endCopy();
            if (stored != row.rows()) {
                throw new SQLException("COPY into " + load.table() + " stored " + stored + " rows, sent " + row.rows());
            }
            return stored;
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }
}
