package io.envclone.service.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The schemas a copy is made of, where its database holds more than the copy: an environment
 * built inside one database (a Supabase project, a role without {@code CREATEDB}) shares it with
 * the platform's own schemas and with its previous copy. The scope is a setting of the
 * transaction, so every catalog query here and every check of the validator reads the same
 * schemas without being told; unset (a database that is the copy) it is every user schema.
 */
public final class CopyScope {

    /** The custom setting that lists the copy's schemas, separated by commas; empty or unset: every schema. */
    public static final String SETTING = "envclone.copy_schemas";

    private CopyScope() {
    }

    /** SQL: whether the schema name {@code column} (e.g. {@code n.nspname}) is in the copy's scope. */
    public static String includes(String column) {
        return "(coalesce(pg_catalog.current_setting('" + SETTING + "', true), '') = '' or " + column
                + " = any(pg_catalog.string_to_array(pg_catalog.current_setting('" + SETTING + "', true), ',')))";
    }

    /** SQL: whether the schema whose oid is {@code oidColumn} is in the copy's scope. */
    public static String includesNamespace(String oidColumn) {
        return includes("(select scope_ns.nspname from pg_catalog.pg_namespace scope_ns where scope_ns.oid = " + oidColumn + ")");
    }

    /** The schemas {@code connection}'s transaction limits the copy to; empty: the whole database. */
    public static java.util.List<String> current(Connection connection) throws SQLException {
        try (PreparedStatement get = connection.prepareStatement("select coalesce(pg_catalog.current_setting(?, true), '')")) {
            get.setString(1, SETTING);
            try (var row = get.executeQuery()) {
                row.next();
                return row.getString(1).isEmpty() ? java.util.List.of() : java.util.List.of(row.getString(1).split(","));
            }
        }
    }

    /** Limits what {@code connection} reads of the catalogs to {@code schemas} until its transaction ends. */
    public static void limit(Connection connection, Collection<String> schemas) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select pg_catalog.set_config(?, ?, true)")) {
            set.setString(1, SETTING);
            set.setString(2, String.join(",", schemas));
            set.execute();
        }
    }
}
