package io.envclone.validator.environment;

import io.envclone.api.schema.MigrationScript;
import io.envclone.api.source.SequenceValue;
import io.envclone.api.environment.DatabaseContents;
import io.envclone.validator.sql.Sequences;
import io.envclone.validator.sql.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A clone's copy, built beside the environment ({@code <env>__build}) so the live environment is
 * untouched until the copy is validated: created empty with the pre-data DDL, filled by the
 * landing, finished with the post-data DDL (indexes, constraints, triggers, policies, matview
 * refreshes), the source's sequence values and fresh statistics. A copy whose clone fails is
 * dropped. A validator that restarts mid-clone finds its copy by the clone id on it and goes on.
 */
public final class EnvironmentBuild {

    private static final Logger LOG = Logger.getLogger(EnvironmentBuild.class);

    /** Whether a prepare started a new copy or found the clone's own copy from before a restart. */
    public enum Prepared { CREATED, RESUMED }

    /** The clone id an adopted database is marked with: no clone of envclone's made it. */
    public static final String ADOPTED = "adopted";

    private final ServerDatabases server;
    private final DatabaseConnector connector;

    public EnvironmentBuild(ServerDatabases server, DatabaseConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** As {@link #prepare(DatabaseNames, String, String, List, boolean)}, without a confirmation to replace anything. */
    public Prepared prepare(DatabaseNames names, String type, String cloneId, List<String> preData) throws SQLException {
        return prepare(names, type, cloneId, preData, false);
    }

    /**
     * {@code replaceConfirmed}: the request named the environment to confirm replacing what it holds. A database of
     * the environment's name that envclone did not make is adopted first: at once when it holds nothing of its
     * users' own ({@code createdb app_test}), on that confirmation otherwise; the switch-over then keeps it as the
     * previous copy, which a rollback brings back.
     */
    public Prepared prepare(DatabaseNames names, String type, String cloneId, List<String> preData, boolean replaceConfirmed)
            throws SQLException {
        adopt(names, type, replaceConfirmed);
        refuseForeign(names.live());
        refuseForeign(names.build());
        var existing = server.marker(names.build());
        if (existing.isPresent() && cloneId.equals(existing.get().cloneId())) {
            LOG.infof("clone %s: its copy %s is there from before, landing goes on", cloneId, names.build());
            return Prepared.RESUMED;
        }
        server.dropIfExists(names.build()); // a copy of an earlier clone that never finished
        server.create(names.build(), new EnvironmentMarker(names.environment(), "build", type, cloneId, Instant.now(),
                null, List.of()));
        try (Connection copy = connector.connect(names.build())) {
            inTransaction(copy, preData);
        } catch (SQLException | RuntimeException e) {
            server.dropIfExists(names.build());
            throw e;
        }
        LOG.infof("clone %s: copy %s created with %d pre-data statements", cloneId, names.build(), preData.size());
        return Prepared.CREATED;
    }

    /** What one session building the copy's indexes may sort in memory. */
    static final String MAINTENANCE_WORK_MEM = "256MB";

    /** After the last batch: the landing ledger goes, the post-data DDL and the sequences come, statistics are made. */
    public void finish(DatabaseNames names, List<String> postData, Map<String, SequenceValue> sequences)
            throws SQLException {
        try (Connection copy = connector.connect(names.build())) {
            copy.setAutoCommit(false);
            try (Statement sql = copy.createStatement()) {
                sql.execute("drop schema if exists envclone_landing cascade");
                // indexes of millions of rows sort in memory instead of in temporary files (the default is 64MB)
                sql.execute("set local maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'");
            }
            inTransaction(copy, postData);
            Map<String, SequenceValue> quoted = new java.util.LinkedHashMap<>();
            sequences.forEach((name, value) -> quoted.put(Sequences.quotedName(name), value));
            Sequences.set(copy, quoted);
            copy.commit();
            copy.setAutoCommit(true);
            try (Statement sql = copy.createStatement()) {
                sql.execute("analyze");
            }
        }
        LOG.infof("copy %s finished: %d post-data statements, %d sequences set", names.build(), postData.size(),
                sequences.size());
    }

    /** The copy of a clone that failed or was cancelled goes; the environment stays as it was. */
    public void discard(DatabaseNames names) throws SQLException {
        if (server.marker(names.build()).isPresent()) {
            server.dropIfExists(names.build());
            LOG.infof("copy %s dropped: the environment %s is untouched", names.build(), names.live());
        }
    }

    private void adopt(DatabaseNames names, String type, boolean replaceConfirmed) throws SQLException {
        if (!server.exists(names.live()) || server.marker(names.live()).isPresent()) {
            return;
        }
        List<String> held;
        try (Connection live = connector.connect(names.live())) {
            held = DatabaseContents.userObjects(live, 3);
        }
        if (!held.isEmpty() && !replaceConfirmed) {
            throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "database " + names.live() + " holds objects"
                    + " envclone did not make (" + String.join(", ", held) + ", ...): it is replaced only on a"
                    + " confirmation that names it (--yes on the command line, confirm: " + names.live() + " in the"
                    + " CloneRequest), and is then kept as " + names.previous() + ", which a rollback brings back until"
                    + " the retention ends");
        }
        server.mark(names.live(), new EnvironmentMarker(names.environment(), "live", type, ADOPTED, Instant.now(), null,
                List.of()));
        LOG.infof("environment %s: database %s adopted (%s)", names.environment(), names.live(), held.isEmpty()
                ? "it held nothing of its users' own" : "its replacement confirmed; it becomes " + names.previous());
    }

    private void refuseForeign(String database) throws SQLException {
        if (server.exists(database) && server.marker(database).isEmpty()) {
            throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "database " + database + " exists and"
                    + " envclone did not make it, so envclone will not replace it: choose another environment name,"
                    + " or drop or rename that database yourself");
        }
    }

    /** The statements in one transaction after the script's session settings: all of them, or none. */
    static void inTransaction(Connection connection, List<String> statements) throws SQLException {
        List<String> all = new java.util.ArrayList<>();
        MigrationScript.SESSION_SETTINGS.forEach(setting -> all.add(local(setting)));
        all.addAll(statements);
        Transactions.all(connection, all);
    }

    /** A session setting of the migration script, made local to the transaction. */
    private static String local(String setting) {
        return setting.startsWith("SET ") ? "SET LOCAL " + setting.substring(4) : setting.replace("false)", "true)");
    }

}
