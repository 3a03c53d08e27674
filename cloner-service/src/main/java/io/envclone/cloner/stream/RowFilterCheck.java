package io.envclone.cloner.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Before any row is sent: every row filter names a table of the clone, and the server accepts
 * its condition on that table. A wrong filter fails the clone at once, naming the filter, instead
 * of after the other tables were sent.
 */
final class RowFilterCheck {

    private RowFilterCheck() {
    }

    static void check(Connection connection, RowFilters filters, List<SourceTable> tables) throws SQLException {
        for (Map.Entry<String, String> filter : filters.byTable().entrySet()) {
            SourceTable table = tables.stream()
                    .filter(candidate -> filter.getValue().equals(filters.forTable(candidate))
                            && (candidate.displayName().equals(filter.getKey()) || candidate.root().equals(filter.getKey())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("where." + filter.getKey()
                            + " names a table this clone does not copy: check its name (schema.table) and the selection"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("explain select 1 from only " + table.qualified() + " where (" + filter.getValue() + ")");
            } catch (SQLException e) {
                throw new IllegalArgumentException("where." + filter.getKey() + " is not a condition the source accepts on "
                        + table.displayName() + ": " + e.getMessage() + "; fix the condition", e);
            }
        }
    }
}
