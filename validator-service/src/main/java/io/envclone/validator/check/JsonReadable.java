package io.envclone.validator.check;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The json-driven features read their documents: every json and jsonb value of a table can be
 * read whole (detoasted) and parsed, which {@code json(b)_typeof} needs, in one scan per table;
 * where that scan fails, each column is read on its own to name the one that does not read.
 */
final class JsonReadable {

    private JsonReadable() {
    }

    static List<CheckResult> check(Connection target, SuiteTable table) throws SQLException {
        List<SuiteTable.Column> columns = table.columns().stream().filter(column -> column.json() != null).toList();
        if (columns.isEmpty()) {
            return List.of();
        }
        Savepoint savepoint = target.setSavepoint();
        try {
            List<CheckResult> results = new ArrayList<>();
            long[] counts = counts(target, table, columns);
            for (int i = 0; i < columns.size(); i++) {
                results.add(result(table, columns.get(i), counts[2 * i], counts[2 * i + 1]));
            }
            target.releaseSavepoint(savepoint);
            return results;
        } catch (SQLException e) {
            RolledBack.undo(target, savepoint);
        }
        List<CheckResult> results = new ArrayList<>();
        for (SuiteTable.Column column : columns) {
            Savepoint one = target.setSavepoint();
            try {
                long[] counts = counts(target, table, List.of(column));
                results.add(result(table, column, counts[0], counts[1]));
                target.releaseSavepoint(one);
            } catch (SQLException e) {
                RolledBack.undo(target, one);
                results.add(new CheckResult(name(table, column), false, "cannot be read: " + SqlErrors.describe(e)));
            }
        }
        return results;
    }

    private static long[] counts(Connection target, SuiteTable table, List<SuiteTable.Column> columns)
            throws SQLException {
        StringBuilder select = new StringBuilder();
        for (SuiteTable.Column column : columns) {
            // json_typeof parses a json text; jsonb_typeof needs the stored document read whole
            String value = quoted(column.name()) + "::" + column.json();
            select.append(select.length() == 0 ? "" : ", ").append("count(").append(value).append("), count(")
                    .append(column.json()).append("_typeof(").append(value).append("))");
        }
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery(
                "select " + select + " from " + table.from())) {
            row.next();
            long[] counts = new long[columns.size() * 2];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = row.getLong(i + 1);
            }
            return counts;
        }
    }

    private static CheckResult result(SuiteTable table, SuiteTable.Column column, long values, long parsed) {
        return new CheckResult(name(table, column), values == parsed, values == parsed
                ? values + " documents, all readable" : (values - parsed) + " of " + values + " documents do not parse");
    }

    private static String name(SuiteTable table, SuiteTable.Column column) {
        return "json " + table.display() + "." + column.name();
    }
}
