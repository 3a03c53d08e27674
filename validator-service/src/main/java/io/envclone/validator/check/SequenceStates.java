package io.envclone.validator.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequences are not transactional: the suite's rolled-back inserts still advance them. Their
 * state is read before and set back after, so the suite leaves the environment as it found it.
 * That is safe because the validator is the only writer of a target it validates; a sequence
 * that moved for another reason would be set back too.
 */
final class SequenceStates {

    /** {@code last_value} and {@code is_called}, as {@code setval} takes them. */
    record State(long lastValue, boolean called) {
    }

    private SequenceStates() {
    }

    static Map<String, State> read(Connection target) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery(
                "select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema')"
                        // a CASE, so the function only ever sees sequences (it errors on anything else)
                        + " and case when c.relkind = 'S' then has_sequence_privilege(c.oid, 'SELECT') end")) {
            while (row.next()) {
                sequences.add(row.getString(1));
            }
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (int from = 0; from < sequences.size(); from += 500) {
            // one round trip for many: a union of one-row selects
            StringBuilder union = new StringBuilder();
            for (String sequence : sequences.subList(from, Math.min(sequences.size(), from + 500))) {
                union.append(union.length() == 0 ? "" : " union all ").append("select ")
                        .append(literal(sequence)).append(", last_value, is_called from ").append(sequence);
            }
            try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery(union.toString())) {
                while (row.next()) {
                    states.put(row.getString(1), new State(row.getLong(2), row.getBoolean(3)));
                }
            }
        }
        return states;
    }

    /** Sets back each sequence that moved since {@code before}; returns how many did. */
    static int restore(Connection target, Map<String, State> before) throws SQLException {
        Map<String, State> now = read(target);
        int moved = 0;
        try (PreparedStatement sql = target.prepareStatement("select setval(?::regclass, ?, ?)")) {
            for (Map.Entry<String, State> was : before.entrySet()) {
                if (!was.getValue().equals(now.get(was.getKey()))) {
                    sql.setString(1, was.getKey());
                    sql.setLong(2, was.getValue().lastValue());
                    sql.setBoolean(3, was.getValue().called());
                    sql.executeQuery().close();
                    moved++;
                }
            }
        }
        return moved;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
