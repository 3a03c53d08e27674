package io.envclone.validator.sql;

import io.envclone.api.source.SequenceValue;
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
 * A database's sequences as {@code setval} takes them, keyed by their quoted name
 * ({@code "public"."users_id_seq"}, a regclass text): read from each sequence itself, since
 * {@code pg_sequences} shows null for one set with {@code setval(..., false)}, and set back.
 */
public final class Sequences {

    private Sequences() {
    }

    /** Every sequence the session may read, in one round trip per 500. */
    public static Map<String, SequenceValue> read(Connection connection) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                "select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema')"
                        // a CASE, so the function only ever sees sequences (it errors on anything else)
                        + " and case when c.relkind = 'S' then has_sequence_privilege(c.oid, 'SELECT') end")) {
            while (row.next()) {
                sequences.add(row.getString(1));
            }
        }
        Map<String, SequenceValue> states = new LinkedHashMap<>();
        for (int from = 0; from < sequences.size(); from += 500) {
            // one round trip for many: a union of one-row selects
            StringBuilder union = new StringBuilder();
            for (String sequence : sequences.subList(from, Math.min(sequences.size(), from + 500))) {
                union.append(union.length() == 0 ? "" : " union all ").append("select ")
                        .append(literal(sequence)).append(", last_value, is_called from ").append(sequence);
            }
            try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(union.toString())) {
                while (row.next()) {
                    states.put(row.getString(1), new SequenceValue(row.getLong(2), row.getBoolean(3)));
                }
            }
        }
        return states;
    }

    /** Sets each of {@code values} (keys as {@link #read} gives them) with {@code setval}. */
    public static void set(Connection connection, Map<String, SequenceValue> values) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select pg_catalog.setval(?::regclass, ?, ?)")) {
            for (Map.Entry<String, SequenceValue> sequence : values.entrySet()) {
                set.setString(1, sequence.getKey());
                set.setLong(2, sequence.getValue().lastValue());
                set.setBoolean(3, sequence.getValue().isCalled());
                set.executeQuery().close();
            }
        }
    }

    /** {@code schema.name} as the cloner reports a sequence, as a quoted regclass text; split at its first dot. */
    public static String quotedName(String schemaDotName) {
        String[] name = schemaDotName.split("\\.", 2);
        return SqlNames.quoted(name[0]) + "." + SqlNames.quoted(name[1]);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
