package io.envclone.validator.check;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a check reports of a PostgreSQL error: its SQLSTATE and message. Never its DETAIL, where
 * PostgreSQL puts the failing row or key ({@code Failing row contains (...)}, {@code Key (email)=(...)}),
 * nor its context or hint.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    public static String describe(SQLException e) {
        return "SQLSTATE " + e.getSQLState() + ": " + message(e);
    }

    static String message(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null && server.getMessage() != null) {
            return server.getMessage();
        }
        // not from the server (a driver or I/O error): its first line, without the detail pgjdbc appends
        String text = String.valueOf(e.getMessage());
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The constraint or index an integrity error names, or null. */
    static String constraint(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return server == null ? null : server.getConstraint();
    }
}
