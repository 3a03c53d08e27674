package io.envclone.testing.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs the demo's SQL scripts (schema before the load, constraints and triggers after). */
final class SchemaInstaller {

    static final String SCHEMA = "schema.sql";
    static final String POST_LOAD = "post-load.sql";

    private SchemaInstaller() {
    }

    /** Refuses a database whose schema {@code public} already holds demo tables. */
    static void requireNoDemoTables(Connection connection) throws SQLException {
        String sql = "select string_agg(tablename, ', ' order by tablename) from pg_catalog.pg_tables"
                + " where schemaname = 'public' and tablename in ('users', 'lofts', 'reservations', 'payments',"
                + " 'conversations', 'messages', 'notifications')";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            String found = result.getString(1);
            if (found != null) {
                throw new IllegalStateException("database already holds a demo database; use an empty database"
                        + " (found public." + found.replace(", ", ", public.") + ")");
            }
        }
    }

    /** Runs a whole script in one round trip; pgjdbc splits it, dollar quotes included. */
    static void run(Connection connection, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(read(script));
        }
    }

    static String read(String script) {
        try (InputStream in = SchemaInstaller.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + script + " next to " + SchemaInstaller.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
