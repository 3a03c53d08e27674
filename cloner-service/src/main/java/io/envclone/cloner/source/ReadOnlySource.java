package io.envclone.cloner.source;

import io.envclone.api.source.ServerFingerprint;
import io.envclone.api.source.SourceReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A session on a production source that has been proven read-only. Work runs only through
 * {@link #read}, which checks, inside the very transaction the work will use, that the server
 * would refuse any write; when it would not, the work is never run.
 */
public final class ReadOnlySource implements AutoCloseable {

    /** Work done on the source inside one read-only transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final String host;
    private final int port;

    ReadOnlySource(Connection connection, SourceReference reference) {
        this.connection = connection;
        // the first host of the URL: what the user named, as the fingerprint's fallback identity
        Properties url = Driver.parseURL(reference.url(), null);
        this.host = url == null ? "" : url.getProperty("PGHOST", "localhost").split(",")[0];
        this.port = url == null ? 5432 : Integer.parseInt(url.getProperty("PGPORT", "5432").split(",")[0]);
    }

    /** Runs {@code work} in one transaction proven read-only first; nothing is ever committed but reads. */
    public <T> T read(Work<T> work) throws SourceAccessException {
        try {
            requireReadOnly();
            T result = work.run(connection);
            connection.rollback(); // a read-only transaction has nothing to commit; ending it this way is safest
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw SourceErrors.during("reading the source", e);
        } catch (SourceAccessException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Opens the transaction every part of a clone will read in: {@code REPEATABLE READ, READ ONLY},
     * proven read-only, its snapshot exported for other sessions ({@link #readInSnapshot}). This
     * session holds it until {@link ExportedSnapshot#close()}; use it for nothing else meanwhile.
     */
    public ExportedSnapshot exportSnapshot() throws SourceAccessException {
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            requireReadOnly();
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select pg_catalog.pg_export_snapshot()")) {
                row.next();
                return new ExportedSnapshot(row.getString(1), this::rollbackQuietly);
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw SourceErrors.during("exporting the snapshot", e);
        }
    }

    /** Runs {@code work} in a read-only transaction that sees exactly {@code snapshot}'s data. */
    public <T> T readInSnapshot(String snapshot, Work<T> work) throws SourceAccessException {
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                // must be the transaction's first statement, before any query
                statement.execute("set transaction snapshot " + literal(snapshot));
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw SourceErrors.during("importing snapshot " + snapshot, e);
        }
        return read(work);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Who this server is; the system identifier only where this role may read it. */
    public ServerFingerprint fingerprint() throws SourceAccessException {
        Optional<String> systemIdentifier = readSystemIdentifier();
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(ServerFingerprint.IDENTITY_QUERY)) {
                row.next();
                return new ServerFingerprint(systemIdentifier, host, port, Optional.ofNullable(row.getString(1)),
                        row.getString(2), row.getString(3));
            }
        });
    }

    private Optional<String> readSystemIdentifier() throws SourceAccessException {
        try {
            return read(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery(ServerFingerprint.SYSTEM_IDENTIFIER_QUERY)) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            });
        } catch (SourceAccessException e) {
            if (e.reason() == SourceAccessException.Reason.NOT_READ_ONLY) {
                throw e;
            }
            // pg_control_system() is for superusers unless granted: the other parts of the fingerprint stand in
            return Optional.empty();
        }
    }

    /** Fails closed: any answer but "on" (or no answer) refuses the transaction. */
    private void requireReadOnly() throws SQLException, SourceAccessException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_setting('transaction_read_only')")) {
            String readOnly = row.next() ? row.getString(1) : null;
            if (!"on".equals(readOnly)) {
                throw new SourceAccessException(SourceAccessException.Reason.NOT_READ_ONLY,
                        "the source session could write (transaction_read_only = " + readOnly + "), so envclone"
                                + " refuses to read through it: connect directly or through a session-mode pooler"
                                + " that keeps default_transaction_read_only, or use a role that cannot write",
                        null);
            }
        }
    }

    /** For tests that must break the session as a misbehaving pooler would. */
    Connection connectionForTests() {
        return connection;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the session is failing already
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken session is best effort
        }
    }
}
