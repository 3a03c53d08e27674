package io.envclone.validator.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Runs checks in one transaction of their own that is always rolled back, so whatever they
 * write, and whatever role or setting they take on with {@code set local}, leaves nothing behind.
 */
final class RolledBack {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private RolledBack() {
    }

    /** Refuses a connection already inside a transaction: rolling back ours would take the caller's work with it. */
    static <T> T run(Connection connection, boolean readOnly, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit && connection.isWrapperFor(BaseConnection.class)
                && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
            throw new IllegalStateException("the connection is inside a transaction: commit or roll it back before"
                    + " the checks, which roll back their own");
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
