package io.envclone.validator.environment;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reset in seconds: a validated environment is kept as a pristine copy ({@code CREATE DATABASE
 * ... TEMPLATE}, a file copy on the server), and a reset is a server-side copy of it, never a
 * re-clone. The new copy is made beside the environment and swapped in by two renames, so there is
 * no moment without an environment, and a failed copy leaves the old one in place. Sessions on the
 * environment are ended: a trainer resets between sessions.
 *
 * <p>Works over a connection to another database of the target's server (its maintenance
 * database, {@code postgres}), as a role that may create databases.
 */
public final class PristineCopies {

    static final String PRISTINE = "__pristine";
    private static final String INCOMING = "__incoming";
    private static final String OUTGOING = "__outgoing";
    private static final int MAX_NAME = 63;

    private final Connection maintenance;

    public PristineCopies(Connection maintenance) throws SQLException {
        this.maintenance = maintenance;
        maintenance.setAutoCommit(true); // CREATE and DROP DATABASE run outside transactions
    }

    /** Keeps {@code environment} as it is now as its pristine copy (replacing an older one). */
    public void keep(String environment) throws SQLException {
        String pristine = named(environment, PRISTINE);
        execute("drop database if exists " + quoted(pristine) + " with (force)");
        copy(environment, pristine);
    }

    /** {@code environment} back to its pristine copy; the pristine copy stays for the next reset. */
    public void reset(String environment) throws SQLException {
        String pristine = named(environment, PRISTINE);
        if (!exists(pristine)) {
            throw new IllegalStateException("environment " + environment + " has no pristine copy to reset to:"
                    + " keep one after its clone is validated");
        }
        String incoming = named(environment, INCOMING);
        String outgoing = named(environment, OUTGOING);
        execute("drop database if exists " + quoted(incoming) + " with (force)");
        copy(pristine, incoming);
        endSessions(environment);
        execute("alter database " + quoted(environment) + " rename to " + quoted(outgoing));
        execute("alter database " + quoted(incoming) + " rename to " + quoted(environment));
        execute("drop database " + quoted(outgoing) + " with (force)");
    }

    public boolean hasPristine(String environment) throws SQLException {
        return exists(named(environment, PRISTINE));
    }

    private void copy(String from, String to) throws SQLException {
        endSessions(from); // a template may have no other session while it is copied
        execute("create database " + quoted(to) + " template " + quoted(from));
    }

    private void endSessions(String database) throws SQLException {
        try (PreparedStatement end = maintenance.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            end.setString(1, database);
            end.execute();
        }
    }

    private boolean exists(String database) throws SQLException {
        try (PreparedStatement query = maintenance.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            return query.executeQuery().next();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = maintenance.createStatement()) {
            statement.execute(sql);
        }
    }

    static String named(String environment, String suffix) {
        if (environment.length() + suffix.length() > MAX_NAME) {
            throw new IllegalArgumentException("environment name " + environment + " is too long to keep copies beside it:"
                    + " use at most " + (MAX_NAME - suffix.length()) + " characters");
        }
        return environment + suffix;
    }
}
