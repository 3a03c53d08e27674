package io.envclone.validator.environment;

import static io.envclone.validator.sql.SqlNames.quoted;

import io.envclone.api.source.SequenceValue;
import io.envclone.service.catalog.CopyScope;
import io.envclone.service.catalog.PublicSchemaOwner;
import io.envclone.validator.sql.Sequences;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;

/**
 * Blue/green inside one database, where a second database cannot be made (a role without
 * {@code CREATEDB}, a Supabase project): the copy is built in {@code <schema>__build} schemas beside
 * the environment's own, validated, and switched to by renaming schemas in one transaction, so
 * applications see the old copy or the new one, never a mix. The validation runs inside that same
 * transaction, under the names the copy will have, and a copy that fails it is rolled back with
 * the renames: the environment never sees it. The environment it replaces is kept as
 * {@code <schema>__previous} for {@code rollback}. What envclone knows of each copy is a row of
 * {@code envclone_environment.copy} in the database itself.
 */
public final class OneDatabaseCopies {

    private static final Logger LOG = Logger.getLogger(OneDatabaseCopies.class);

    static final String LEDGER = "envclone_environment.copy";

    /** A copy in the database: its marker and the schemas it is made of (under its role's suffix). */
    public record Copy(EnvironmentMarker marker, List<String> schemas) {
    }

    private final Connection database;

    /** {@code database}: a connection to the environment's database, for this object alone. */
    public OneDatabaseCopies(Connection database) throws SQLException {
        this.database = database;
        database.setAutoCommit(true);
        try (Statement sql = database.createStatement()) {
            sql.execute("create schema if not exists envclone_environment");
            sql.execute("create table if not exists " + LEDGER + " (role text primary key, marker text not null,"
                    + " schemas text[] not null)");
        }
    }

    /**
     * The copies an environment keeps inside {@code database}, when it keeps them there: empty for a database envclone
     * never built an environment in (nothing is created to find that out).
     */
    public static Optional<List<Copy>> existing(Connection database) throws SQLException {
        try (Statement sql = database.createStatement(); ResultSet row = sql.executeQuery(
                "select to_regclass('" + LEDGER + "') is not null")) {
            row.next();
            if (!row.getBoolean(1)) {
                return Optional.empty();
            }
        }
        OneDatabaseCopies copies = new OneDatabaseCopies(database);
        List<Copy> found = new ArrayList<>();
        for (String role : List.of("live", "build", "previous")) {
            copies.copy(role).ifPresent(found::add);
        }
        return found.stream().anyMatch(copy -> copy.marker().role().equals("live")) ? Optional.of(found) : Optional.empty();
    }

    public Optional<Copy> copy(String role) throws SQLException {
        try (PreparedStatement query = database.prepareStatement("select marker, schemas from " + LEDGER + " where role = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Optional<EnvironmentMarker> marker = EnvironmentMarker.fromComment(row.getString(1));
                List<String> schemas = schemasOf(row.getArray(2));
                return marker.map(found -> new Copy(found, schemas));
            }
        }
    }

    /**
     * Builds the copy's schemas from the pre-data DDL, or finds this clone's build from before a restart. The
     * environment's schemas, when they hold objects envclone did not make, are replaced only on {@code replaceConfirmed},
     * and kept as the previous copy.
     */
    public EnvironmentBuild.Prepared prepare(DatabaseNames names, CopySchemas schemas, String type, String cloneId,
            List<String> preData, boolean replaceConfirmed) throws SQLException {
        Optional<Copy> build = copy("build");
        if (build.isPresent() && cloneId.equals(build.get().marker().cloneId())) {
            LOG.infof("clone %s: its build schemas in %s are there from before, landing goes on", cloneId, names.live());
            return EnvironmentBuild.Prepared.RESUMED;
        }
        refuseForeign(schemas, build);
        List<String> held = foreignObjects(schemas);
        if (!held.isEmpty() && !replaceConfirmed) {
            throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "database " + names.live() + " holds objects"
                    + " envclone did not make in the schemas a clone replaces (" + String.join(", ", held) + ", ...): they"
                    + " are replaced only on a confirmation that names it (--yes on the command line, confirm: "
                    + names.live() + " in the CloneRequest), and are then kept as the schemas "
                    + String.join(", ", schemas.suffixed(DatabaseNames.PREVIOUS).values()) + ", which a rollback brings"
                    + " back until the retention ends");
        }
        List<String> statements = new ArrayList<>();
        build.ifPresent(earlier -> earlier.schemas().forEach(schema -> statements.add("drop schema if exists "
                + quoted(schema + DatabaseNames.BUILD) + " cascade")));
        statements.add("delete from " + LEDGER + " where role = 'build'");
        // the owner of public is the target's own: the source's would be set on the environment's public, not the build's
        preData.forEach(statement -> statements.add(schemas.inBuild(PublicSchemaOwner.definitionOnly(statement))));
        EnvironmentBuild.inTransaction(database, withLedger(statements, "build", new EnvironmentMarker(names.environment(),
                "build", type, cloneId, Instant.now(), null, List.of()), schemas.schemas()));
        LOG.infof("clone %s: build schemas %s created in %s with %d pre-data statements", cloneId,
                schemas.suffixed(DatabaseNames.BUILD).values(), names.live(), preData.size());
        return EnvironmentBuild.Prepared.CREATED;
    }

    /** After the last batch: the landing ledger goes, the post-data DDL and the sequences come, statistics are made. */
    public void finish(DatabaseNames names, CopySchemas schemas, List<String> postData,
            Map<String, SequenceValue> sequences) throws SQLException {
        List<String> statements = new ArrayList<>();
        statements.add("drop schema if exists envclone_landing cascade");
        statements.add("set local maintenance_work_mem = '" + EnvironmentBuild.MAINTENANCE_WORK_MEM + "'");
        postData.forEach(statement -> statements.add(schemas.inBuild(statement)));
        database.setAutoCommit(false);
        try {
            EnvironmentBuild.inTransaction(database, statements);
            Map<String, SequenceValue> built = new LinkedHashMap<>();
            sequences.forEach((name, value) -> built.put(schemas.inBuild(Sequences.quotedName(name)), value));
            Sequences.set(database, built);
            database.commit();
        } catch (SQLException | RuntimeException e) {
            database.rollback();
            throw e;
        } finally {
            database.setAutoCommit(true);
        }
        try (Statement sql = database.createStatement()) {
            for (String schema : schemas.suffixed(DatabaseNames.BUILD).values()) {
                for (String table : tables(schema)) {
                    sql.execute("analyze " + quoted(schema) + "." + quoted(table));
                }
            }
        }
        LOG.infof("build schemas of %s finished: %d post-data statements, %d sequences set", names.live(), postData.size(),
                sequences.size());
    }

    /**
     * In one transaction: the environment's schemas become the previous copy, the build's become the
     * environment's, {@code validation} judges the copy under those names, and the transaction commits only
     * when it passed. Returns whether it did; the environment is untouched when it did not.
     */
    public boolean switchValidated(DatabaseNames names, Duration retention, Instant now, EnvironmentCopies.Validation validation)
            throws SQLException {
        Copy build = copy("build").orElseThrow(() -> new EnvironmentException(EnvironmentException.Kind.CONFLICT,
                "environment " + names.live() + " has no finished copy to switch to: land a clone first"));
        Optional<Copy> live = copy("live");
        Optional<Copy> previous = copy("previous");
        PGConnection pg = database.unwrap(PGConnection.class);
        AutoSave autosave = pg.getAutosave();
        database.setAutoCommit(false);
        // a check that fails a statement must not end the transaction the switch is in
        pg.setAutosave(AutoSave.ALWAYS);
        try {
            List<String> statements = new ArrayList<>();
            previous.ifPresent(kept -> kept.schemas().forEach(schema -> statements.add("drop schema if exists "
                    + quoted(schema + DatabaseNames.PREVIOUS) + " cascade")));
            List<String> replaced = new ArrayList<>();
            for (String schema : build.schemas()) {
                boolean ours = live.map(copy -> copy.schemas().contains(schema)).orElse(false);
                boolean exists = schemaExists(schema);
                if (exists && !ours && objectsIn(schema, 1).isEmpty()) {
                    // an empty schema the database came with (its public): nothing to keep for a rollback
                    statements.add("drop schema " + quoted(schema));
                } else if (exists) {
                    statements.add("alter schema " + quoted(schema) + " rename to " + quoted(schema + DatabaseNames.PREVIOUS));
                    replaced.add(schema);
                }
                statements.add("alter schema " + quoted(schema + DatabaseNames.BUILD) + " rename to " + quoted(schema));
            }
            statements.add("delete from " + LEDGER + " where role in ('build', 'previous', 'live')");
            statements.add(ledgerRow("live", build.marker().as("live", null), build.schemas()));
            if (!replaced.isEmpty()) {
                EnvironmentMarker was = live.map(Copy::marker).orElse(new EnvironmentMarker(names.environment(), "live",
                        build.marker().type(), EnvironmentBuild.ADOPTED, now, null, List.of()));
                statements.add(ledgerRow("previous", was.as("previous", now.plus(retention)), replaced));
            }
            try (Statement sql = database.createStatement()) {
                for (String statement : statements) {
                    sql.execute(statement);
                }
            }
            CopyScope.limit(database, build.schemas());
            if (!validation.passed(database)) {
                database.rollback();
                LOG.infof("clone %s failed its validation: environment %s left as it was", build.marker().cloneId(),
                        names.live());
                return false;
            }
            database.commit();
            LOG.infof("environment %s is now clone %s (schemas %s); the previous copy is kept until %s", names.live(),
                    build.marker().cloneId(), build.schemas(), now.plus(retention));
            return true;
        } catch (SQLException | RuntimeException e) {
            database.rollback();
            throw e;
        } finally {
            pg.setAutosave(autosave);
            database.setAutoCommit(true);
        }
    }

    /** The previous copy becomes the environment again, and the environment the previous copy, in one transaction. */
    public void rollback(DatabaseNames names, Duration retention, Instant now) throws SQLException {
        Copy previous = copy("previous").orElseThrow(() -> new EnvironmentException(EnvironmentException.Kind.CONFLICT,
                "environment " + names.live() + " has no previous copy to roll back to: its retention ended, or it was"
                        + " never refreshed"));
        Copy live = copy("live").orElseThrow(() -> new EnvironmentException(EnvironmentException.Kind.NOT_FOUND,
                "environment " + names.live() + " has no copy of envclone's"));
        List<String> statements = new ArrayList<>();
        for (String schema : live.schemas()) {
            statements.add("alter schema " + quoted(schema) + " rename to " + quoted(schema + DatabaseNames.OUTGOING));
        }
        for (String schema : previous.schemas()) {
            statements.add("alter schema " + quoted(schema + DatabaseNames.PREVIOUS) + " rename to " + quoted(schema));
        }
        for (String schema : live.schemas()) {
            statements.add("alter schema " + quoted(schema + DatabaseNames.OUTGOING) + " rename to "
                    + quoted(schema + DatabaseNames.PREVIOUS));
        }
        statements.add("delete from " + LEDGER + " where role in ('previous', 'live')");
        statements.add(ledgerRow("live", previous.marker().as("live", null), previous.schemas()));
        statements.add(ledgerRow("previous", live.marker().as("previous", now.plus(retention)), live.schemas()));
        io.envclone.validator.sql.Transactions.all(database, statements);
        LOG.infof("environment %s rolled back to clone %s", names.live(), previous.marker().cloneId());
    }

    /** The build of a clone that failed or was cancelled goes; the environment stays as it was. */
    public void discard(DatabaseNames names) throws SQLException {
        Optional<Copy> build = copy("build");
        if (build.isEmpty()) {
            return;
        }
        List<String> statements = new ArrayList<>();
        build.get().schemas().forEach(schema -> statements.add("drop schema if exists " + quoted(schema + DatabaseNames.BUILD)
                + " cascade"));
        statements.add("drop schema if exists envclone_landing cascade");
        statements.add("delete from " + LEDGER + " where role = 'build'");
        io.envclone.validator.sql.Transactions.all(database, statements);
        LOG.infof("build schemas of %s dropped: the environment is untouched", names.live());
    }

    /** What {@code schema} and its copies take on disk, in bytes, per role: what blue/green in one database costs. */
    public Map<String, Long> bytesByRole(CopySchemas schemas) throws SQLException {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String[] role : new String[][] {{"live", ""}, {"build", DatabaseNames.BUILD}, {"previous", DatabaseNames.PREVIOUS}}) {
            long total = 0;
            for (String schema : schemas.schemas()) {
                try (PreparedStatement query = database.prepareStatement("select coalesce(sum(pg_total_relation_size(c.oid)), 0)"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ?"
                        + " and c.relkind in ('r', 'm', 'p')")) {
                    query.setString(1, schema + role[1]);
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        total += row.getLong(1);
                    }
                }
            }
            bytes.put(role[0], total);
        }
        return bytes;
    }

    private void refuseForeign(CopySchemas schemas, Optional<Copy> build) throws SQLException {
        for (String schema : schemas.schemas()) {
            String name = schema + DatabaseNames.BUILD;
            boolean ours = build.map(copy -> copy.schemas().contains(schema)).orElse(false);
            if (!ours && schemaExists(name)) {
                throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "schema " + name + " exists and envclone"
                        + " did not make it, so envclone will not replace it: drop or rename it yourself");
            }
        }
    }

    /** Up to three objects of the environment's schemas that no copy of envclone's holds. */
    private List<String> foreignObjects(CopySchemas schemas) throws SQLException {
        List<String> ours = copy("live").map(Copy::schemas).orElse(List.of());
        List<String> held = new ArrayList<>();
        for (String schema : schemas.schemas()) {
            if (!ours.contains(schema)) {
                held.addAll(objectsIn(schema, 3 - held.size()));
            }
        }
        return held;
    }

    /** Up to {@code limit} of the relations, functions and types in {@code schema}, named. */
    private List<String> objectsIn(String schema, int limit) throws SQLException {
        List<String> held = new ArrayList<>();
        try (PreparedStatement query = database.prepareStatement("select kind || ' ' || name from ("
                + "select 'relation' kind, n.nspname || '.' || c.relname name from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = ? union all select 'function', n.nspname || '.' || p.proname"
                + " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ? union all"
                + " select 'type', n.nspname || '.' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace"
                + " where n.nspname = ? and t.typrelid = 0 and t.typelem = 0) o order by 1 limit ?")) {
            query.setString(1, schema);
            query.setString(2, schema);
            query.setString(3, schema);
            query.setInt(4, Math.max(limit, 0));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    held.add(row.getString(1));
                }
            }
        }
        return held;
    }

    private boolean schemaExists(String schema) throws SQLException {
        try (PreparedStatement query = database.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private List<String> tables(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = database.prepareStatement("select c.relname from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'm', 'p')")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    tables.add(row.getString(1));
                }
            }
        }
        return tables;
    }

    private static List<String> withLedger(List<String> statements, String role, EnvironmentMarker marker,
            List<String> schemas) {
        List<String> all = new ArrayList<>(statements);
        all.add(ledgerRow(role, marker, schemas));
        return all;
    }

    private static String ledgerRow(String role, EnvironmentMarker marker, List<String> schemas) {
        return "insert into " + LEDGER + " values (" + literal(role) + ", " + literal(marker.toComment()) + ", array["
                + String.join(", ", schemas.stream().map(OneDatabaseCopies::literal).toList()) + "]::text[])";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static List<String> schemasOf(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
