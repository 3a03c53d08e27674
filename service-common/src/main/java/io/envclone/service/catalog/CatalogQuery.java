package io.envclone.service.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one catalog query and maps each row; the reader classes stay declarative. */
final class CatalogQuery {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * Objects that belong to an extension are created by CREATE EXTENSION, and system schemas
     * are the server's: no reader ever returns either.
     */
    static final String USER_NAMESPACE = "n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')"
            + " and n.nspname not like 'pg\\_temp\\_%' and n.nspname not like 'pg\\_toast\\_temp\\_%'"
            + " and " + CopyScope.includes("n.nspname");

    static String notFromExtension(String catalog, String oidColumn) {
        return "not exists (select 1 from pg_catalog.pg_depend d where d.classid = '" + catalog + "'::regclass"
                + " and d.objid = " + oidColumn + " and d.deptype = 'e')";
    }

    private CatalogQuery() {
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper) throws SQLException {
        List<T> results = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                results.add(mapper.map(row));
            }
        }
        return results;
    }
}
