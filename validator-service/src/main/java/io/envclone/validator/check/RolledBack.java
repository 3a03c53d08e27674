package io.envclone.validator.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Runs checks in one transaction of their own that is always rolled back (or a savepoint, inside a
 * caller's transaction), so whatever they write, and whatever role or setting they take on with
 * {@code set local}, leaves nothing behind.
 */
final class RolledBack {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private RolledBack() {
    }

    /**
     * On a connection inside a transaction (an environment validated inside the transaction that switches
     * to it), the work runs under a savepoint that is rolled back instead, which undoes its writes and
     * its {@code set local}s alike; only the caller's transaction can be read-only, not a part of it.
     */
    static <T> T run(Connection connection, boolean readOnly, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit && connection.isWrapperFor(BaseConnection.class)
                && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                return work.run(connection);
            } finally {
                undo(connection, savepoint);
            }
        }
        connection.setAutoCommit(false);
        try {
            if (readOnly) {
                try (var sql = connection.createStatement()) {
                    sql.execute("set transaction read only");
                }
            }
            return work.run(connection);
        } finally {
            try {
                connection.rollback();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Rolls back to {@code savepoint} and releases it: a savepoint kept would nest every later one
     * inside it, and PostgreSQL slows down past 64 open subtransactions.
     */
    static void undo(Connection connection, Savepoint savepoint) throws SQLException {
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
    }
}
