package io.envclone.validator.check;

import io.envclone.service.catalog.CopyScope;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Is the finished environment healthy as its source was: row-level security enabled (and forced)
 * on exactly the source's tables, the source's extensions at its versions, its populated
 * materialized views populated, every sequence ahead of its column ({@link EnvironmentChecks#sequences}),
 * and the application role able to read what it could read on the source.
 *
 * <p>The application role is checked with {@code SET ROLE} on the validator's connection, in a
 * transaction that is rolled back: that proves its privileges and policies, not its login
 * (password, {@code pg_hba.conf}), which the validator cannot know. A relation the role may not
 * read is a finding only where the source let it read it ({@link SourceFacts#appRoleReads}); grants
 * the copy adds are the schema comparison's to report.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * Everything above; {@code source} null: what needs the source is skipped (saying so), and the
     * application role is checked on what the copy grants it; {@code appRole} null: no application-role checks.
     */
    public static List<CheckResult> all(Connection target, SourceFacts source, String appRole) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        if (source == null) {
            results.add(CheckResult.skipped("source facts", "not given: row security, extensions and materialized"
                    + " views are not compared with the source"));
        } else {
            results.addAll(rowSecurity(target, source));
            results.addAll(extensions(target, source));
            results.addAll(materializedViews(target, source));
        }
        results.addAll(EnvironmentChecks.sequences(target));
        if (appRole != null) {
            results.addAll(appRole(target, source, appRole));
        }
        return results;
    }

    public static List<CheckResult> rowSecurity(Connection target, SourceFacts source) throws SQLException {
        Map<String, boolean[]> here = new TreeMap<>();
        Map<String, Long> policies = new TreeMap<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery("""
                select n.nspname || '.' || c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       (select count(*) from pg_policy p where p.polrelid = c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and SCOPE"""
                .replace("SCOPE", CopyScope.includes("n.nspname")))) {
            while (row.next()) {
                here.put(row.getString(1), new boolean[] {row.getBoolean(2), row.getBoolean(3)});
                policies.put(row.getString(1), row.getLong(4));
            }
        }
        Set<String> tables = new TreeSet<>(source.rowSecurity());
        here.forEach((table, state) -> {
            if (state[0]) {
                tables.add(table);
            }
        });
        List<CheckResult> results = new ArrayList<>();
        for (String table : tables) {
            String name = "row security " + table;
            boolean[] state = here.get(table);
            boolean expected = source.rowSecurity().contains(table);
            boolean forced = source.forcedRowSecurity().contains(table);
            if (state == null) {
                results.add(new CheckResult(name, false, "the table is missing; the source enables row security on it"));
            } else if (!state[0]) {
                results.add(new CheckResult(name, false, "disabled, the source enables it: alter table " + table
                        + " enable row level security"));
            } else if (!expected) {
                results.add(new CheckResult(name, false, "enabled, the source does not enable it"));
            } else if (state[1] != forced) {
                results.add(new CheckResult(name, false, (state[1] ? "forced, the source does not force it"
                        : "not forced, the source forces it: alter table " + table + " force row level security")));
            } else {
                results.add(new CheckResult(name, true, "enabled" + (forced ? " and forced" : "") + " with "
                        + policies.get(table) + " policies, as on the source"));
            }
        }
        return results;
    }

    public static List<CheckResult> extensions(Connection target, SourceFacts source) throws SQLException {
        Map<String, String> here = new TreeMap<>();
        try (Statement sql = target.createStatement();
                ResultSet row = sql.executeQuery("select extname, extversion from pg_extension")) {
            while (row.next()) {
                here.put(row.getString(1), row.getString(2));
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, String> wanted : source.extensions().entrySet()) {
            String name = "extension " + wanted.getKey();
            String version = here.get(wanted.getKey());
            if (version == null) {
                results.add(new CheckResult(name, false, "missing: create extension " + quoted(wanted.getKey())
                        + (wanted.getValue() == null ? "" : " version '" + wanted.getValue() + "'")));
            } else if (wanted.getValue() != null && !wanted.getValue().equals(version)) {
                results.add(new CheckResult(name, false, "at version " + version + ", the source has " + wanted.getValue()
                        + (available(target, wanted.getKey(), wanted.getValue())
                                ? ": alter extension " + quoted(wanted.getKey()) + " update to '" + wanted.getValue() + "'"
                                : ": this server does not have that version")));
            } else {
                results.add(new CheckResult(name, true, "version " + version + ", as on the source"));
            }
        }
        return results;
    }

    public static List<CheckResult> materializedViews(Connection target, SourceFacts source) throws SQLException {
        Map<String, Boolean> populated = new TreeMap<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery(
                "select n.nspname || '.' || c.relname, c.relispopulated from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'm' and " + CopyScope.includes("n.nspname"))) {
            while (row.next()) {
                populated.put(row.getString(1), row.getBoolean(2));
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (String view : new TreeSet<>(source.populatedViews())) {
            Boolean state = populated.get(view);
            results.add(new CheckResult("materialized view " + view, Boolean.TRUE.equals(state), state == null
                    ? "missing; the source has it populated"
                    : state ? "populated, as on the source" : "not populated: refresh materialized view " + view));
        }
        return results;
    }

    /**
     * The role exists and may connect to this database, and reads each relation of
     * {@link SourceFacts#appRoleReads} (with none, or {@code source} null: each the copy grants it): one result
     * for all that passed, one per relation that did not.
     */
    public static List<CheckResult> appRole(Connection target, SourceFacts source, String appRole) throws SQLException {
        String name = "app role " + appRole;
        Boolean login = null;
        boolean connect = false;
        try (PreparedStatement sql = target.prepareStatement("select rolcanlogin,"
                + " has_database_privilege(rolname, current_database(), 'CONNECT') from pg_roles where rolname = ?")) {
            sql.setString(1, appRole);
            try (ResultSet row = sql.executeQuery()) {
                if (row.next()) {
                    login = row.getBoolean(1);
                    connect = row.getBoolean(2);
                }
            }
        }
        if (login == null) {
            return List.of(new CheckResult(name, false, "the role does not exist on the target's server"));
        }
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult(name + " connects", connect, (connect ? "may connect to the database"
                : "may not connect to the database: grant connect on database") + (login ? ""
                : " (a NOLOGIN role, which the application reaches with SET ROLE)")));
        results.addAll(RolledBack.run(target, true, connection -> reads(connection, source, appRole, name)));
        return results;
    }

    private static List<CheckResult> reads(Connection target, SourceFacts source, String appRole, String name)
            throws SQLException {
        Map<String, Boolean> granted = new TreeMap<>();
        try (PreparedStatement sql = target.prepareStatement(
                "select n.nspname || '.' || c.relname, has_table_privilege(?::name, c.oid, 'SELECT')"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('r', 'p', 'v', 'm') and n.nspname not in ('pg_catalog', 'information_schema')"
                        + " and n.nspname not like 'pg\\_%' and " + CopyScope.includes("n.nspname"))) {
            sql.setString(1, appRole);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    granted.put(row.getString(1), row.getBoolean(2));
                }
            }
        }
        Set<String> wanted = new TreeSet<>(source == null ? Set.of() : source.appRoleReads());
        boolean fromSource = !wanted.isEmpty();
        if (!fromSource) {
            granted.forEach((relation, yes) -> {
                if (yes) {
                    wanted.add(relation);
                }
            });
        }
        try (Statement sql = target.createStatement()) {
            sql.execute("set local role " + quoted(appRole));
        }
        List<CheckResult> failures = new ArrayList<>();
        for (String relation : wanted) {
            Boolean yes = granted.get(relation);
            if (yes == null) {
                failures.add(new CheckResult(name + " reads " + relation, false, "missing; the source has it"));
            } else if (!yes) {
                failures.add(new CheckResult(name + " reads " + relation, false, "no SELECT privilege; the source grants it"));
            } else {
                String failure = selectOne(target, relation);
                if (failure != null) {
                    failures.add(new CheckResult(name + " reads " + relation, false, failure));
                }
            }
        }
        List<CheckResult> results = new ArrayList<>();
        results.add(new CheckResult(name + " reads", failures.isEmpty(), (wanted.size() - failures.size()) + " of "
                + wanted.size() + " relations readable" + (fromSource ? " that the source let it read"
                : " that the copy grants it (the source's grants were not given)")));
        results.addAll(failures);
        return results;
    }

    /** Null when {@code select} works; a savepoint keeps one refusal from aborting the others. */
    private static String selectOne(Connection target, String relation) throws SQLException {
        String[] name = relation.split("\\.", 2);
        Savepoint savepoint = target.setSavepoint();
        try (Statement sql = target.createStatement()) {
            sql.executeQuery("select 1 from " + quoted(name[0]) + "." + quoted(name[1]) + " limit 1").close();
            target.releaseSavepoint(savepoint);
            return null;
        } catch (SQLException e) {
            RolledBack.undo(target, savepoint);
            return SqlErrors.describe(e);
        }
    }

    private static boolean available(Connection target, String extension, String version) throws SQLException {
        try (PreparedStatement sql = target.prepareStatement(
                "select 1 from pg_available_extension_versions where name = ? and version = ?")) {
            sql.setString(1, extension);
            sql.setString(2, version);
            try (ResultSet row = sql.executeQuery()) {
                return row.next();
            }
        }
    }
}
