package io.envclone.api.environment;

import io.envclone.api.schema.SchemaSelection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database holds of its users' own: schemas other than {@code public}, and tables, views,
 * sequences, functions, types and extensions outside the system's schemas and those a Supabase
 * project's platform manages (envclone never replaces those). A database that holds
 * none (a DBA's {@code createdb app_test}) is empty: envclone adopts it as an environment without
 * a confirmation, since replacing it loses nothing. The command and the validator both ask here.
 */
public final class DatabaseContents {

    private static final String SYSTEM = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%' and " + notManaged();

    private static final String USER_OBJECTS = String.join(" union all ",
            "(select 'schema ' || n.nspname from pg_namespace n where " + SYSTEM + " and n.nspname <> 'public'"
                    + " and n.nspname not like 'pg\\_toast\\_temp\\_%')",
            "(select 'relation ' || n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where " + SYSTEM + ")",
            "(select 'function ' || n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                    + " where " + SYSTEM + ")",
            "(select 'type ' || n.nspname || '.' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace"
                    + " where " + SYSTEM + " and t.typrelid = 0 and t.typelem = 0)",
            "(select 'extension ' || e.extname from pg_extension e join pg_namespace n on n.oid = e.extnamespace"
                    + " where e.extname <> 'plpgsql' and " + notManaged() + ")");

    private DatabaseContents() {
    }

    /** SQL: schema {@code n} is none of those a Supabase project manages (its platform's, never replaced). */
    private static String notManaged() {
        StringBuilder sql = new StringBuilder("true");
        for (String schema : SchemaSelection.SUPABASE_MANAGED) {
            sql.append(schema.endsWith("*") ? " and n.nspname not like '" + schema.substring(0, schema.length() - 1)
                    .replace("_", "\\_") + "%'" : " and n.nspname <> '" + schema + "'");
        }
        return "(" + sql + ")";
    }

    /** Up to {@code limit} of the objects {@code database} holds of its users' own, named; empty for an empty database. */
    public static List<String> userObjects(Connection database, int limit) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (PreparedStatement query = database.prepareStatement("select * from (" + USER_OBJECTS + ") o limit ?")) {
            query.setInt(1, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    objects.add(row.getString(1));
                }
            }
        }
        return objects;
    }
}
