package io.envclone.validator.check;

import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finished environments to validate: copies of one demo source, generated once per JVM, with an
 * extension as production databases have one. A copy is made from it as a template, so each test
 * breaks its own copy.
 */
public final class DemoCopies {

    public static final String SOURCE = "validation_source";
    public static final String APP_ROLE = "loft_app";
    private static boolean generated;

    private DemoCopies() {
    }

    public static synchronized void source(EmbeddedPostgresServer server) throws Exception {
        if (generated) {
            return;
        }
        server.dropDatabase(SOURCE);
        server.createDatabase(SOURCE);
        try (Connection source = server.connect(SOURCE); Statement sql = source.createStatement()) {
            new DemoDatabaseGenerator().generate(source, DemoOptions.defaults());
            sql.execute("create extension pg_trgm");
        }
        generated = true;
    }

    /** A fresh copy of the demo source named {@code name}. */
    public static Connection copy(EmbeddedPostgresServer server, String name) throws Exception {
        source(server);
        server.dropDatabase(name);
        try (Connection admin = server.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database " + name + " template " + SOURCE);
        }
        return server.connect(name);
    }

    public static SourceFacts facts(EmbeddedPostgresServer server) throws Exception {
        source(server);
        try (Connection source = server.connect(SOURCE)) {
            return SourceFacts.read(source, APP_ROLE);
        }
    }

    /** Every user table's rows (a count and a hash of them), and every sequence's state: what a rolled-back suite leaves as it was. */
    public static Map<String, String> state(Connection connection) throws Exception {
        Map<String, String> state = new TreeMap<>();
        Map<String, Boolean> relations = new TreeMap<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                "select format('%I.%I', n.nspname, c.relname), c.relkind = 'S' from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'S')"
                        + " and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')")) {
            while (row.next()) {
                relations.put(row.getString(1), row.getBoolean(2));
            }
        }
        for (Map.Entry<String, Boolean> relation : relations.entrySet()) {
            try (Statement sql = connection.createStatement(); ResultSet value = sql.executeQuery(relation.getValue()
                    ? "select last_value || '/' || is_called from " + relation.getKey()
                    : "select count(*) || '/' || coalesce(sum(hashtext(t::text)), 0) from only " + relation.getKey() + " t")) {
                value.next();
                state.put(relation.getKey(), value.getString(1));
            }
        }
        return state;
    }
}
