package io.envclone.validator.check;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Does row-level security still filter: the rows the validator's connection (the owner or a
 * superuser, which policies do not filter unless forced) sees, against those the application
 * role sees with {@code set local role} and no application settings ({@code app.user_id} and the
 * like unset), which is what policies written for the application usually let through least.
 */
final class RowSecurityVisibility {

    private RowSecurityVisibility() {
    }

    static CheckResult check(Connection target, SuiteTable table, String appRole,
            FunctionalitySuite.RowSecurityExpectation expectation) throws SQLException {
        String name = "row security " + table.display() + " as " + appRole;
        if (!mayRead(target, table, appRole)) {
            return CheckResult.skipped(name, appRole + " may not read it (no SELECT privilege): the health checks"
                    + " compare its grants with the source's");
        }
        long owner = count(target, table);
        long app;
        Savepoint savepoint = target.setSavepoint();
        try (Statement sql = target.createStatement()) {
            sql.execute("set local role " + quoted(appRole));
            app = count(target, table);
        } catch (SQLException e) {
            RolledBack.undo(target, savepoint);
            return new CheckResult(name, false, "counting as " + appRole + " failed: " + SqlErrors.describe(e));
        }
        RolledBack.undo(target, savepoint);
        String counts = user(target) + " sees " + owner + " rows, " + appRole + " sees " + app;
        return switch (expectation) {
            case AT_MOST_OWNER -> new CheckResult(name, app <= owner, counts);
            case FILTERS -> owner == 0 ? CheckResult.skipped(name, counts + ": an empty table shows no filtering")
                    : new CheckResult(name, app < owner, counts + (app < owner ? "" : ": its policies filter nothing,"
                            + " the source's filtered rows"));
            case SEES_ALL -> new CheckResult(name, app == owner, counts + (app == owner ? ""
                    : ": its policies hide rows, the source's hid none"));
        };
    }

    private static boolean mayRead(Connection target, SuiteTable table, String appRole) throws SQLException {
        try (PreparedStatement sql = target.prepareStatement("select has_table_privilege(?::name, ?::oid, 'SELECT')")) {
            sql.setString(1, appRole);
            sql.setLong(2, table.oid());
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static long count(Connection target, SuiteTable table) throws SQLException {
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery(
                "select count(*) from " + table.qualified())) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String user(Connection target) throws SQLException {
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery("select current_user")) {
            row.next();
            return row.getString(1);
        }
    }
}
