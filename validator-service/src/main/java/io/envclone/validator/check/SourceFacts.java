package io.envclone.validator.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the source had that a finished environment must have too, every name {@code schema.name}:
 * tables with row-level security enabled and those where it is also forced, extensions by name with
 * their version (null: any version), materialized views populated on the source, and the relations
 * the application role could SELECT on the source (empty when no role was named).
 */
public record SourceFacts(Set<String> rowSecurity, Set<String> forcedRowSecurity, Map<String, String> extensions,
        Set<String> populatedViews, Set<String> appRoleReads) {

    public SourceFacts {
        rowSecurity = Set.copyOf(rowSecurity);
        forcedRowSecurity = Set.copyOf(forcedRowSecurity);
        extensions = java.util.Collections.unmodifiableMap(new TreeMap<>(extensions));
        populatedViews = Set.copyOf(populatedViews);
        appRoleReads = Set.copyOf(appRoleReads);
    }

    private static final String USER_RELATION = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_%'"
            + " and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid"
            + " and d.deptype = 'e')";

    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\.(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*))";
    private static final java.util.regex.Pattern ROW_SECURITY = java.util.regex.Pattern.compile(
            "ALTER TABLE " + NAME + " ENABLE ROW LEVEL SECURITY");
    private static final java.util.regex.Pattern FORCED = java.util.regex.Pattern.compile(
            "ALTER TABLE " + NAME + " FORCE ROW LEVEL SECURITY");
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile(
            "CREATE EXTENSION IF NOT EXISTS (\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$-]*)");
    private static final java.util.regex.Pattern REFRESH = java.util.regex.Pattern.compile(
            "REFRESH MATERIALIZED VIEW " + NAME);

    /**
     * The facts as the source's migration script states them, for the validator, which never reads
     * the source: row security from its {@code ALTER TABLE ... ROW LEVEL SECURITY}, extensions from
     * {@code CREATE EXTENSION} (any version), populated views from {@code REFRESH MATERIALIZED VIEW}.
     * The application role's reads are left to the schema comparison, which compares every grant.
     */
    public static SourceFacts fromScript(List<String> statements) {
        Set<String> rowSecurity = new TreeSet<>();
        Set<String> forced = new TreeSet<>();
        Set<String> views = new TreeSet<>();
        Map<String, String> extensions = new TreeMap<>();
        for (String statement : statements) {
            collect(ROW_SECURITY, statement, rowSecurity);
            collect(FORCED, statement, forced);
            collect(REFRESH, statement, views);
            java.util.regex.Matcher extension = EXTENSION.matcher(statement);
            while (extension.find()) {
                extensions.put(unquoted(extension.group(1)), null);
            }
        }
        return new SourceFacts(rowSecurity, forced, extensions, views, Set.of());
    }

    private static void collect(java.util.regex.Pattern pattern, String statement, Set<String> into) {
        java.util.regex.Matcher found = pattern.matcher(statement);
        while (found.find()) {
            String[] parts = found.group(1).split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", 2);
            into.add(unquoted(parts[0]) + "." + unquoted(parts[1]));
        }
    }

    private static String unquoted(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }

    /** Reads the facts from the source itself, for whoever has a connection to it (tests, a one-off validation). */
    public static SourceFacts read(Connection source, String appRole) throws SQLException {
        Set<String> rowSecurity = new TreeSet<>();
        Set<String> forced = new TreeSet<>();
        Set<String> views = new TreeSet<>();
        try (Statement sql = source.createStatement(); ResultSet row = sql.executeQuery(
                "select n.nspname || '.' || c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,"
                        + " c.relispopulated from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('r', 'p', 'm') and " + USER_RELATION)) {
            while (row.next()) {
                if (row.getString(2).equals("m")) {
                    if (row.getBoolean(5)) {
                        views.add(row.getString(1));
                    }
                } else if (row.getBoolean(3)) {
                    rowSecurity.add(row.getString(1));
                    if (row.getBoolean(4)) {
                        forced.add(row.getString(1));
                    }
                }
            }
        }
        Map<String, String> extensions = new TreeMap<>();
        try (Statement sql = source.createStatement();
                ResultSet row = sql.executeQuery("select extname, extversion from pg_extension")) {
            while (row.next()) {
                extensions.put(row.getString(1), row.getString(2));
            }
        }
        Set<String> reads = new TreeSet<>();
        if (appRole != null) {
            try (PreparedStatement sql = source.prepareStatement(
                    "select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where c.relkind in ('r', 'p', 'v', 'm') and " + USER_RELATION
                            + " and exists (select 1 from pg_roles where rolname = ?)"
                            + " and has_table_privilege(?::name, c.oid, 'SELECT')")) {
                sql.setString(1, appRole);
                sql.setString(2, appRole);
                try (ResultSet row = sql.executeQuery()) {
                    while (row.next()) {
                        reads.add(row.getString(1));
                    }
                }
            }
        }
        return new SourceFacts(rowSecurity, forced, extensions, views, reads);
    }
}
