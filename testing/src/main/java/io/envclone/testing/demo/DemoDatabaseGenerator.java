package io.envclone.testing.demo;

import io.envclone.testing.sql.TableCount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a PostgreSQL database (13 or later) with the production database of Bayt Lofts, a
 * loft-rental company in Algeria: users, lofts, reservations, yearly-partitioned payments,
 * conversations, messages, notifications and an audit history, with enums, a domain, generated
 * and identity columns, views, a materialized view, functions, triggers, row-level security
 * and an application role. Same options, same data, byte for byte.
 *
 * <p>Everything runs in one transaction: a failure leaves the database as it was (except the
 * cluster-wide role {@code loft_app}, which is only ever created if missing). The connection
 * needs to create schemas, types and tables, and to create the role unless it exists.
 */
public final class DemoDatabaseGenerator {

    /** Generates into {@code connection}'s database, whose schema public must not hold the demo tables. */
    public DemoSummary generate(Connection connection, DemoOptions options) throws SQLException {
        return generate(connection, options, (table, rows) -> { });
    }

    /** As {@link #generate(Connection, DemoOptions)}, telling {@code progress} as each table is loaded. */
    public DemoSummary generate(Connection connection, DemoOptions options, DemoProgress progress) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<TableCount> tables = new ArrayList<>();
        try {
            SchemaInstaller.requireNoDemoTables(connection);
            SchemaInstaller.run(connection, SchemaInstaller.SCHEMA);
            DemoWorld world = DemoWorld.create(options);
            for (TableLoad load : world.loads()) {
                long rows = CopyLoader.load(connection, load);
                tables.add(new TableCount(load.table(), rows));
                progress.tableLoaded(load.table(), rows);
            }
            SchemaInstaller.run(connection, SchemaInstaller.POST_LOAD);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        long total = tables.stream().mapToLong(TableCount::rows).sum();
        return new DemoSummary(options.scale(), options.seed(), tables, total, databaseBytes(connection),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    private static long databaseBytes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_database_size(current_database())")) {
            result.next();
            return result.getLong(1);
        }
    }
}
