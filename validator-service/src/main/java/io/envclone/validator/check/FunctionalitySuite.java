package io.envclone.validator.check;

import io.envclone.api.source.SequenceValue;
import io.envclone.validator.sql.Sequences;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Does the environment work as an application uses it: for every ordinary and partitioned table
 * with a row, an UPDATE of one row setting its columns to themselves (so update triggers fire), an
 * INSERT of a copy of it ({@link RowCopy}) and a DELETE of it ({@link TableSteps}), each in a savepoint
 * rolled back at once, so one failure hides nothing and each step sees the rows as landed; whether the triggers
 * of each step fired ({@link TriggerEvidence}); whether row-level security still filters for the
 * application role ({@link RowSecurityVisibility}); and whether json documents read ({@link JsonReadable}).
 *
 * <p>All of it runs in one transaction that is always rolled back, with constraints immediate
 * (a deferred foreign key answers at the statement, not at a commit that never comes); the
 * sequences the inserts advanced are set back after ({@link Sequences}). A step's failure
 * names the table, the step and PostgreSQL's SQLSTATE and message, never its detail (the row).
 * A copy that a generic insert cannot make (a unique key of non-text columns with no default, a
 * check the new values break) is skipped with the reason; a delete a foreign key refuses passed.
 */
public final class FunctionalitySuite {

    /** What the application role should see of a table under row-level security, compared with the owner. */
    public enum RowSecurityExpectation {
        /** The default: no more than the owner. */
        AT_MOST_OWNER,
        /** Fewer rows than the owner: the source's policies hid some. */
        FILTERS,
        /** As many as the owner: the source's policies hid none for it. */
        SEES_ALL
    }

    /**
     * From the source: {@code rowSecurity}, per table ({@code schema.table}) where not the default;
     * {@code disabledTriggers}, the triggers ({@code schema.table.trigger}) the source has disabled too.
     */
    public record Expectations(Map<String, RowSecurityExpectation> rowSecurity, Set<String> disabledTriggers) {

        public Expectations {
            rowSecurity = Map.copyOf(rowSecurity);
            disabledTriggers = Set.copyOf(disabledTriggers);
        }

        public static Expectations defaults() {
            return new Expectations(Map.of(), Set.of());
        }
    }

    /** The checks, and the milliseconds spent on each table ({@code schema.table}). */
    public record Outcome(List<CheckResult> checks, Map<String, Long> tableMillis) {
    }

    private FunctionalitySuite() {
    }

    /** {@code appRole} null: no row-security visibility checks. */
    public static Outcome run(Connection target, String appRole, Expectations expectations) throws SQLException {
        return run(target, appRole, expectations, true);
    }

    /** {@code countCalls} false: judge triggers by their effects only, as without a superuser. */
    static Outcome run(Connection target, String appRole, Expectations expectations, boolean countCalls)
            throws SQLException {
        Map<String, SequenceValue> sequences = Sequences.read(target);
        Outcome outcome = RolledBack.run(target, false, connection -> {
            execute(connection, "set constraints all immediate");
            // the validator lands with session_replication_role = replica; triggers fire only in origin
            attempt(connection, "set local session_replication_role = origin");
            boolean counting = countCalls && attempt(connection, "set local track_functions = 'all'");
            List<CheckResult> checks = new ArrayList<>();
            boolean roleExists = appRole != null && exists(connection, appRole);
            if (appRole != null && !roleExists) {
                checks.add(CheckResult.skipped("row security as " + appRole, "the role does not exist (the health"
                        + " checks report it)"));
            }
            Map<String, Long> millis = new LinkedHashMap<>();
            for (SuiteTable table : SuiteCatalog.read(connection)) {
                long started = System.nanoTime();
                checks.addAll(new TableSteps(connection, table, expectations.disabledTriggers(), counting).run());
                if (table.rowSecurity() && roleExists) {
                    checks.add(RowSecurityVisibility.check(connection, table, appRole, expectations.rowSecurity()
                            .getOrDefault(table.display(), RowSecurityExpectation.AT_MOST_OWNER)));
                }
                checks.addAll(JsonReadable.check(connection, table));
                millis.put(table.display(), (System.nanoTime() - started) / 1_000_000);
            }
            return new Outcome(checks, millis);
        });
        int moved = RolledBack.run(target, false, connection -> setBack(connection, sequences));
        List<CheckResult> checks = new ArrayList<>(outcome.checks());
        checks.add(new CheckResult("sequences set back", true, moved + " sequences the inserts advanced are where"
                + " they were"));
        return new Outcome(checks, outcome.tableMillis());
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            sql.setString(1, role);
            try (ResultSet row = sql.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Runs a setting the connection's role may not be allowed to take; false when it is not. */
    private static boolean attempt(Connection connection, String statement) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            execute(connection, statement);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            RolledBack.undo(connection, savepoint);
            return false;
        }
    }

    /**
     * Sequences are not transactional: the suite's rolled-back inserts still advance them, so each
     * one that moved since {@code before} is set back; returns how many did. Safe because the
     * validator is the only writer of a target it validates.
     */
    private static int setBack(Connection target, Map<String, SequenceValue> before) throws SQLException {
        Map<String, SequenceValue> now = Sequences.read(target);
        Map<String, SequenceValue> moved = new java.util.LinkedHashMap<>();
        before.forEach((sequence, was) -> {
            if (!was.equals(now.get(sequence))) {
                moved.put(sequence, was);
            }
        });
        Sequences.set(target, moved);
        return moved.size();
    }
}
