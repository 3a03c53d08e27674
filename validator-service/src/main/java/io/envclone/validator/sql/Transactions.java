package io.envclone.validator.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Statements that take effect together or not at all. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code statements} in one transaction: committed here when the connection was in
     * auto-commit, left to the caller's transaction otherwise; rolled back on the first failure.
     */
    public static void all(Connection connection, List<String> statements) throws SQLException {
        boolean wasAuto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
            if (wasAuto) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            if (wasAuto) {
                connection.setAutoCommit(true);
            }
        }
    }
}
