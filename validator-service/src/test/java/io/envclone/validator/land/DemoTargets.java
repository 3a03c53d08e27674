package io.envclone.validator.land;

import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Targets for landing tests: the demo source's schema without its rows, and the row counts to compare. */
public final class DemoTargets {

    private DemoTargets() {
    }

    /**
     * An empty copy of {@code source} named {@code target}, and a connection to it that leaves out
     * foreign keys and triggers: data lands before the post-data DDL as in a real landing, but here
     * the template brought them along.
     */
    static Connection emptyLike(EmbeddedPostgresServer server, String source, String target) throws Exception {
        emptyCopy(server, source, target);
        Connection connection = server.connect(target);
        try (Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
        }
        return connection;
    }

    /** {@code target}: a copy of the demo database {@code source} with its schema and without its rows. */
    public static void emptyCopy(EmbeddedPostgresServer server, String source, String target) throws Exception {
        server.dropDatabase(target);
        try (Connection admin = server.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database " + target + " template " + source);
        }
        try (Connection connection = server.connect(target); Statement sql = connection.createStatement()) {
            sql.execute("truncate public.users, public.lofts, public.reservations, public.payments, public.conversations,"
                    + " public.conversation_participants, public.messages, public.notifications, audit.audit_log cascade");
        }
    }

    public static Map<String, Long> counts(Connection connection) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (SourceBatches.Table table : SourceBatches.tables(connection)) {
            try (Statement sql = connection.createStatement(); ResultSet count = sql.executeQuery(
                    "select count(*) from only " + table.schema() + "." + table.name())) {
                count.next();
                counts.put(table.schema() + "." + table.name(), count.getLong(1));
            }
        }
        return counts;
    }
}
