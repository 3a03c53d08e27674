package io.envclone.validator.environment;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The databases of a target server, as the validator creates, copies, renames and drops them:
 * over a connection to the server's maintenance database ({@code postgres}), as a role that may
 * create databases. Every statement here runs outside a transaction, as PostgreSQL requires.
 */
public final class ServerDatabases {

    private final Connection maintenance;

    public ServerDatabases(Connection maintenance) throws SQLException {
        this.maintenance = maintenance;
        maintenance.setAutoCommit(true);
    }

    public boolean exists(String database) throws SQLException {
        try (PreparedStatement query = maintenance.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    void create(String database, EnvironmentMarker marker) throws SQLException {
        execute("create database " + quoted(database));
        mark(database, marker);
    }

    /** A server-side file copy of {@code from}; its sessions are ended first, as a template may have none. */
    void copy(String from, String to, EnvironmentMarker marker) throws SQLException {
        endSessions(from);
        execute("create database " + quoted(to) + " template " + quoted(from));
        mark(to, marker);
    }

    void rename(String from, String to) throws SQLException {
        endSessions(from);
        execute("alter database " + quoted(from) + " rename to " + quoted(to));
    }

    void dropIfExists(String database) throws SQLException {
        execute("drop database if exists " + quoted(database) + " with (force)");
    }

    void mark(String database, EnvironmentMarker marker) throws SQLException {
        execute("comment on database " + quoted(database) + " is " + literal(marker.toComment()));
    }

    /** The marker of {@code database}; empty when it does not exist or envclone did not make it. */
    public Optional<EnvironmentMarker> marker(String database) throws SQLException {
        try (PreparedStatement query = maintenance.prepareStatement(
                "select shobj_description(oid, 'pg_database') from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? EnvironmentMarker.fromComment(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** Every database on the server envclone made, with its name. */
    public List<Marked> marked() throws SQLException {
        List<Marked> found = new ArrayList<>();
        try (Statement sql = maintenance.createStatement(); ResultSet row = sql.executeQuery(
                "select datname, shobj_description(oid, 'pg_database') from pg_database order by datname")) {
            while (row.next()) {
                String database = row.getString(1);
                EnvironmentMarker.fromComment(row.getString(2)).ifPresent(marker -> found.add(new Marked(database, marker)));
            }
        }
        return found;
    }

    /** A database and the marker on it. */
    public record Marked(String database, EnvironmentMarker marker) {
    }

    void endSessions(String database) throws SQLException {
        try (PreparedStatement end = maintenance.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            end.setString(1, database);
            end.execute();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = maintenance.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
