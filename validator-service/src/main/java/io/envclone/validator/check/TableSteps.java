package io.envclone.validator.check;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The functionality suite's three steps on one table (UPDATE, INSERT of a copy, DELETE of one
 * row), each in a savepoint rolled back at once, with each step's triggers judged
 * ({@link TriggerEvidence}) before the rollback. The row is found by tableoid and ctid, so a
 * partitioned table's row is found in its partition and no key needs to be known.
 */
final class TableSteps {

    private final Connection connection;
    private final SuiteTable table;
    private final Set<String> disabledInSource;
    private final boolean counting;
    private final Set<Long> own = new HashSet<>();
    private long tableOid;
    private String ctid;
    private boolean rowChanged;
    /** The step's statement took effect (not refused, not skipped): only then can its triggers be judged. */
    private boolean happened;

    TableSteps(Connection connection, SuiteTable table, Set<String> disabledInSource, boolean counting) {
        this.connection = connection;
        this.table = table;
        this.disabledInSource = disabledInSource;
        this.counting = counting;
    }

    List<CheckResult> run() throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                "select tableoid::bigint, ctid::text from " + table.from() + " limit 1")) {
            if (!row.next()) {
                return List.of(CheckResult.skipped("dml " + table.display(), "no rows to update, copy or delete"));
            }
            tableOid = row.getLong(1);
            ctid = row.getString(2);
        }
        if (!table.triggers().isEmpty()) {
            try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                    "select relid::bigint from pg_partition_tree(" + table.oid() + "::oid::regclass)")) {
                while (row.next()) {
                    own.add(row.getLong(1));
                }
            }
            own.add(table.oid());
        }
        List<CheckResult> results = new ArrayList<>();
        for (SuiteTable.Step step : SuiteTable.Step.values()) {
            rowChanged = false;
            happened = false;
            TriggerEvidence.Snapshot before = table.triggers().isEmpty() ? null : TriggerEvidence.take(connection);
            Savepoint savepoint = connection.setSavepoint();
            CheckResult result;
            try {
                result = switch (step) {
                    case UPDATE -> update();
                    case INSERT -> insert();
                    case DELETE -> delete();
                };
            } catch (SQLException e) {
                connection.rollback(savepoint);
                result = refused(step, e);
            }
            results.add(result);
            if (before != null) {
                CheckResult triggers = TriggerEvidence.judge(table, step, happened, before,
                        TriggerEvidence.take(connection), own, rowChanged, counting, disabledInSource);
                if (triggers != null) {
                    results.add(triggers);
                }
            }
            RolledBack.undo(connection, savepoint);
        }
        return results;
    }

    private String name(SuiteTable.Step step) {
        return step.word() + " " + table.display();
    }

    private CheckResult update() throws SQLException {
        List<SuiteTable.Column> columns = table.columns().stream().filter(column -> !column.readOnly()).toList();
        if (columns.isEmpty()) {
            return CheckResult.skipped(name(SuiteTable.Step.UPDATE), "every column is generated or an identity");
        }
        StringBuilder set = new StringBuilder();
        for (SuiteTable.Column column : columns) {
            String quoted = quoted(column.name());
            set.append(set.length() == 0 ? "" : ", ").append(quoted).append(" = ").append(RowCopy.ROW).append('.')
                    .append(quoted);
        }
        String row = RowCopy.ROW;
        // the row as text before and after: a BEFORE trigger that rewrote it shows, and no value leaves the server
        try (PreparedStatement sql = connection.prepareStatement("with before as (select " + row + "::text as image"
                + " from " + table.from() + " " + row + " where " + row + ".tableoid = ?::oid and " + row
                + ".ctid = ?::tid) update " + table.from() + " " + row + " set " + set + " where " + row
                + ".tableoid = ?::oid and " + row + ".ctid = ?::tid returning " + row
                + "::text is distinct from (select image from before)")) {
            sql.setLong(1, tableOid);
            sql.setString(2, ctid);
            sql.setLong(3, tableOid);
            sql.setString(4, ctid);
            try (ResultSet result = sql.executeQuery()) {
                if (!result.next()) {
                    return new CheckResult(name(SuiteTable.Step.UPDATE), false, "no row was updated");
                }
                rowChanged = result.getBoolean(1);
                happened = true;
            }
        }
        return new CheckResult(name(SuiteTable.Step.UPDATE), true, "updated one row, " + columns.size()
                + " columns set to themselves");
    }

    private CheckResult insert() throws SQLException {
        RowCopy copy = new RowCopy(table);
        if (copy.blocked() != null) {
            return CheckResult.skipped(name(SuiteTable.Step.INSERT), "a generic copy of a row cannot be made here: "
                    + copy.blocked());
        }
        SQLException last = null;
        for (RowCopy.Strategy strategy : copy.strategies()) {
            Savepoint attempt = connection.setSavepoint();
            try (PreparedStatement sql = connection.prepareStatement(copy.sql(strategy))) {
                if (!copy.sql(strategy).endsWith("default values")) {
                    sql.setLong(1, tableOid);
                    sql.setString(2, ctid);
                }
                sql.executeUpdate();
                connection.releaseSavepoint(attempt);
                happened = true;
                String how = copy.describe();
                return new CheckResult(name(SuiteTable.Step.INSERT), true, "inserted a copy of one row"
                        + (how.isEmpty() ? "" : " (" + how + ")"));
            } catch (SQLException e) {
                RolledBack.undo(connection, attempt);
                last = e;
                if (!notGeneric(e, copy)) {
                    break;
                }
            }
        }
        if (notGeneric(last, copy)) {
            return CheckResult.skipped(name(SuiteTable.Step.INSERT), "a generic copy of a row cannot be made here: "
                    + SqlErrors.describe(last));
        }
        return new CheckResult(name(SuiteTable.Step.INSERT), false, SqlErrors.describe(last));
    }

    /**
     * The copy, not the environment, is at fault: a check or length its new values break, a key it
     * repeats, a foreign key its new text refers through (a new territory code names no territory).
     */
    private static boolean notGeneric(SQLException e, RowCopy copy) {
        return switch (String.valueOf(e.getSQLState())) {
            case "23514", "22001", "23P01" -> true;
            case "23503" -> copy.makesNew();
            // a key made new by a default that still collides is a sequence behind: the environment's fault
            case "23505" -> !copy.keyTakesDefault(SqlErrors.constraint(e));
            default -> false;
        };
    }

    private CheckResult delete() throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("delete from " + table.from() + " " + RowCopy.ROW
                + " where " + RowCopy.ROW + ".tableoid = ?::oid and " + RowCopy.ROW + ".ctid = ?::tid")) {
            sql.setLong(1, tableOid);
            sql.setString(2, ctid);
            int deleted = sql.executeUpdate();
            happened = deleted == 1;
            return new CheckResult(name(SuiteTable.Step.DELETE), deleted == 1, deleted == 1 ? "deleted one row"
                    : "no row was deleted");
        }
    }

    private CheckResult refused(SuiteTable.Step step, SQLException e) {
        if (step == SuiteTable.Step.DELETE && "23503".equals(e.getSQLState())) {
            return new CheckResult(name(step), true, "refused by foreign key " + SqlErrors.constraint(e)
                    + ", as it should be: the row is referenced");
        }
        return new CheckResult(name(step), false, SqlErrors.describe(e));
    }
}
