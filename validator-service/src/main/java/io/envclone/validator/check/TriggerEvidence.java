package io.envclone.validator.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether a step's triggers fired, from what PostgreSQL counts in the current transaction:
 * the calls of each trigger function ({@code pg_stat_xact_user_functions}, when
 * {@code track_functions} could be turned on: it needs a superuser), and the rows written to
 * other tables ({@code pg_stat_xact_user_tables}: an audit trigger's log). A BEFORE UPDATE
 * trigger that rewrites the row shows in the row itself (the suite compares it).
 *
 * <p>Limits: a built-in trigger function (such as {@code tsvector_update_trigger}) is never
 * counted, nor any without {@code track_functions}; effects are the step's, not one trigger's, so
 * they prove an uncounted trigger fired only where no counted one did. An uncounted trigger with
 * nothing to show (its result equals what the row held) is "not observable": skipped, not failed. After a DELETE only
 * rows inserted elsewhere count, as the rows a cascade deletes or nulls are not a trigger's. A
 * trigger with a WHEN condition that did not fire is skipped: the copied row may not meet it.
 */
final class TriggerEvidence {

    /** Per relation: rows inserted, updated, deleted so far in the transaction; per function: its calls. */
    record Snapshot(Map<Long, long[]> tables, Map<Long, String> names, Map<Long, Long> calls) {
    }

    private TriggerEvidence() {
    }

    static Snapshot take(Connection target) throws SQLException {
        Map<Long, long[]> tables = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> calls = new HashMap<>();
        try (Statement sql = target.createStatement()) {
            try (ResultSet row = sql.executeQuery("select relid, schemaname || '.' || relname, n_tup_ins, n_tup_upd,"
                    + " n_tup_del from pg_stat_xact_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0")) {
                while (row.next()) {
                    tables.put(row.getLong(1), new long[] {row.getLong(3), row.getLong(4), row.getLong(5)});
                    names.put(row.getLong(1), row.getString(2));
                }
            }
            try (ResultSet row = sql.executeQuery("select funcid, calls from pg_stat_xact_user_functions")) {
                while (row.next()) {
                    calls.put(row.getLong(1), row.getLong(2));
                }
            }
        }
        return new Snapshot(tables, names, calls);
    }

    /**
     * The result for one step's triggers, or null when the step fires none. Disabled triggers are
     * findings whatever the step did, unless the source had them disabled; the others are judged
     * only after a step that succeeded. {@code own}: the table and its partitions.
     */
    static CheckResult judge(SuiteTable table, SuiteTable.Step step, boolean succeeded, Snapshot before, Snapshot after,
            Set<Long> own, boolean rowChanged, boolean counting, Set<String> disabledInSource) {
        List<SuiteTable.Trigger> fired = table.triggers().stream().filter(t -> t.on(step) && t.enabled() != 'R').toList();
        if (fired.isEmpty()) {
            return null;
        }
        String name = "triggers " + table.display() + " " + step.word();
        List<String> failed = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        String effects = effects(step, before, after, own);
        // what a counted trigger did may be what was seen: then it proves nothing of the uncounted ones
        boolean explained = counting && fired.stream().anyMatch(t -> t.enabled() != 'D' && t.countable()
                && after.calls().getOrDefault(t.function(), 0L) > before.calls().getOrDefault(t.function(), 0L));
        for (SuiteTable.Trigger trigger : fired) {
            if (trigger.enabled() == 'D') {
                if (!disabledInSource.contains(table.display() + "." + trigger.name())) {
                    failed.add(trigger.name() + " is disabled");
                }
            } else if (!succeeded) {
                continue;
            } else if (counting && trigger.countable()) {
                long calls = after.calls().getOrDefault(trigger.function(), 0L)
                        - before.calls().getOrDefault(trigger.function(), 0L);
                if (calls > 0) {
                    seen.add(trigger.name() + " (" + trigger.functionName() + " called)");
                } else if (trigger.hasWhen()) {
                    unseen.add(trigger.name() + " (its WHEN condition may not hold for the row)");
                } else {
                    failed.add(trigger.name() + " did not fire (" + trigger.functionName() + " not called)");
                }
            } else if (!explained && (!effects.isEmpty()
                    || rowChanged && (trigger.type() & (SuiteTable.Trigger.BEFORE | SuiteTable.Trigger.ROW))
                            == (SuiteTable.Trigger.BEFORE | SuiteTable.Trigger.ROW))) {
                seen.add(trigger.name() + " (effect seen)");
            } else {
                unseen.add(trigger.name() + " (" + trigger.functionName() + " is not counted here and "
                        + (explained ? "what changed may be another trigger's" : "changed nothing visible") + ")");
            }
        }
        if (failed.isEmpty() && seen.isEmpty() && unseen.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!failed.isEmpty()) {
            parts.add(String.join(", ", failed));
        }
        if (!seen.isEmpty()) {
            parts.add("fired: " + String.join(", ", seen));
        }
        if (!unseen.isEmpty()) {
            parts.add("not observable: " + String.join(", ", unseen));
        }
        if (!effects.isEmpty()) {
            parts.add(effects);
        }
        if (rowChanged) {
            parts.add("the row was rewritten");
        }
        String detail = String.join("; ", parts);
        if (!failed.isEmpty()) {
            return new CheckResult(name, false, detail);
        }
        return seen.isEmpty() ? CheckResult.skipped(name, detail) : new CheckResult(name, true, detail);
    }

    /** What the step wrote to other tables, as "1 row inserted into audit.audit_log"; empty if nothing. */
    private static String effects(SuiteTable.Step step, Snapshot before, Snapshot after, Set<Long> own) {
        Map<String, String> written = new TreeMap<>();
        after.tables().forEach((relid, counts) -> {
            if (own.contains(relid)) {
                return;
            }
            long[] was = before.tables().getOrDefault(relid, new long[3]);
            long inserted = counts[0] - was[0];
            long updated = step == SuiteTable.Step.DELETE ? 0 : counts[1] - was[1];
            long deleted = step == SuiteTable.Step.DELETE ? 0 : counts[2] - was[2];
            List<String> parts = new ArrayList<>();
            if (inserted > 0) {
                parts.add(inserted + " inserted");
            }
            if (updated > 0) {
                parts.add(updated + " updated");
            }
            if (deleted > 0) {
                parts.add(deleted + " deleted");
            }
            if (!parts.isEmpty()) {
                written.put(after.names().get(relid), String.join(", ", parts));
            }
        });
        List<String> lines = new ArrayList<>();
        written.forEach((relation, parts) -> lines.add(relation + ": rows " + parts));
        return lines.isEmpty() ? "" : "written by the step: " + String.join("; ", lines);
    }
}
