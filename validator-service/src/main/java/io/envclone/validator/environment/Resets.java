package io.envclone.validator.environment;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.envclone.validator.sql.Sequences;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Resets in seconds, never a re-clone. {@code FULL}: a server-side copy of the pristine copy
 * replaces the environment, then its recorded scenarios are applied again. {@code PREVIOUS}: the
 * same from the previous copy, which stays kept. {@code DATA_ONLY}: the rows of every table come
 * back from the pristine copy in one transaction while the environment's schema changes stay;
 * it needs {@code session_replication_role} (a superuser, or {@code GRANT SET ON PARAMETER}) so
 * neither triggers nor foreign keys fire on rows that were valid when they were copied.
 */
public final class Resets {

    private static final Logger LOG = Logger.getLogger(Resets.class);

    public enum Mode { FULL, DATA_ONLY, PREVIOUS }

    private final ServerDatabases server;
    private final DatabaseConnector connector;

    public Resets(ServerDatabases server, DatabaseConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public void reset(DatabaseNames names, Mode mode) throws SQLException {
        EnvironmentMarker live = server.marker(names.live()).orElseThrow(() -> new EnvironmentException(
                EnvironmentException.Kind.NOT_FOUND, "environment " + names.live() + " does not exist: clone it first"));
        String from = mode == Mode.PREVIOUS ? names.previous() : names.pristine();
        EnvironmentMarker kept = server.marker(from).orElseThrow(() -> new EnvironmentException(
                EnvironmentException.Kind.CONFLICT, "environment " + names.live() + " has no " + (mode == Mode.PREVIOUS
                        ? "previous copy (its retention ended, or it was never refreshed)"
                        : "pristine copy: clone it again to make one")));
        long started = System.nanoTime();
        if (mode == Mode.DATA_ONLY) {
            rowsBack(names, live);
        } else {
            List<EnvironmentMarker.AppliedScenario> scenarios = mode == Mode.FULL ? live.scenarios() : kept.scenarios();
            replace(names, from, kept.as("live", null).withScenarios(scenarios));
        }
        LOG.infof("environment %s reset (%s) in %d ms", names.live(), mode, (System.nanoTime() - started) / 1_000_000);
    }

    /** A copy of {@code from} beside the environment, its scenarios applied, swapped in by two renames. */
    private void replace(DatabaseNames names, String from, EnvironmentMarker marker) throws SQLException {
        server.dropIfExists(names.incoming());
        server.copy(from, names.incoming(), marker);
        try (Connection incoming = connector.connect(names.incoming())) {
            Scenarios.reapply(incoming, marker.scenarios());
        } catch (SQLException | RuntimeException e) {
            server.dropIfExists(names.incoming());
            throw e;
        }
        server.dropIfExists(names.outgoing());
        server.rename(names.live(), names.outgoing());
        server.rename(names.incoming(), names.live());
        server.dropIfExists(names.outgoing());
    }

    private void rowsBack(DatabaseNames names, EnvironmentMarker live) throws SQLException {
        try (Connection environment = connector.connect(names.live());
                Connection pristine = connector.connect(names.pristine())) {
            List<String[]> tables = common(tables(pristine), tables(environment));
            environment.setAutoCommit(false);
            try (Statement sql = environment.createStatement()) {
                sql.execute("set local session_replication_role = replica");
                List<String> present = new ArrayList<>();
                for (String[] table : tables) {
                    present.add(quoted(table[0]) + "." + quoted(table[1]));
                }
                if (!present.isEmpty()) {
                    sql.execute("truncate " + String.join(", ", present));
                }
                for (String[] table : tables) {
                    if (table[3].equals("r")) { // a partitioned table's rows are its partitions'
                        copyRows(pristine, environment, table);
                    }
                }
                Sequences.set(environment, Sequences.read(pristine));
                Scenarios.reapply(environment, live.scenarios());
                environment.commit();
            } catch (SQLException | RuntimeException e) {
                environment.rollback();
                throw e;
            }
        }
    }

    /** Tables (and partitioned tables, relkind {@code p}) of the pristine copy with the columns a copy can write (not generated, not dropped). */
    private static List<String[]> tables(Connection pristine) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement sql = pristine.createStatement(); ResultSet row = sql.executeQuery("""
                select n.nspname, c.relname,
                       string_agg(quote_ident(a.attname), ', ' order by a.attnum), c.relkind::text
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                  and n.nspname not like 'pg\\_%' and not exists (select 1 from pg_depend d
                      where d.objid = c.oid and d.deptype = 'e')
                group by n.nspname, c.relname, c.relkind order by 1, 2""")) {
            while (row.next()) {
                tables.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)});
            }
        }
        return tables;
    }

    /** The tables both have, with the columns both have: schema changes made since stay as they are. */
    private static List<String[]> common(List<String[]> pristine, List<String[]> environment) {
        java.util.Map<String, List<String>> columns = new java.util.HashMap<>();
        for (String[] table : environment) {
            columns.put(table[0] + "." + table[1], List.of(table[2].split(", ")));
        }
        List<String[]> both = new ArrayList<>();
        for (String[] table : pristine) {
            List<String> there = columns.get(table[0] + "." + table[1]);
            if (there != null) {
                List<String> shared = java.util.Arrays.stream(table[2].split(", ")).filter(there::contains).toList();
                both.add(new String[] {table[0], table[1], String.join(", ", shared), table[3]});
            }
        }
        return both;
    }

    /** The table's rows from the pristine copy into the environment, streamed through binary COPY. */
    private static void copyRows(Connection from, Connection to, String[] table) throws SQLException {
        String name = quoted(table[0]) + "." + quoted(table[1]);
        try (PipedInputStream in = new PipedInputStream(1 << 16); PipedOutputStream out = new PipedOutputStream(in)) {
            CompletableFuture<Long> reading = CompletableFuture.supplyAsync(() -> {
                try (out) {
                    return from.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select " + table[2] + " from only "
                            + name + ") to stdout (format binary)", out);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("rows of " + name + " could not be read from the pristine copy: "
                            + e.getMessage(), e);
                }
            });
            to.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + name + " (" + table[2]
                    + ") from stdin (format binary)", in);
            reading.join();
        } catch (IOException e) {
            throw new SQLException("rows of " + name + " could not be copied: " + e.getMessage(), e);
        }
    }
}
