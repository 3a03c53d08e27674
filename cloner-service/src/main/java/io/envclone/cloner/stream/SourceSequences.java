package io.envclone.cloner.stream;

import io.envclone.api.schema.SchemaSelection;
import io.envclone.api.source.SequenceValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads every sequence of a clone's schemas (serial, identity and free-standing ones), for the
 * target to continue where the source is. Sequences are not transactional: what is read is their
 * value now, never below the snapshot's, so a target set to it gives no id a copied row holds.
 * {@code pg_sequences} is not enough: its {@code last_value} is null both for a sequence never used
 * and for one set with {@code setval(..., false)}, which loaders do; the sequence itself says.
 */
final class SourceSequences {

    private static final String SQL = """
            select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname),
                   pg_catalog.has_sequence_privilege(c.oid, 'SELECT'), tn.nspname, t.relname, current_user
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            -- an identity column's sequence is part of its table: it goes where the table goes
            left join pg_catalog.pg_depend d on d.classid = 'pg_class'::regclass and d.objid = c.oid
                 and d.refclassid = 'pg_class'::regclass and d.deptype = 'i'
            left join pg_catalog.pg_class t on t.oid = d.refobjid
            left join pg_catalog.pg_namespace tn on tn.oid = t.relnamespace
            where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema')
              and n.nspname !~ '^pg_(toast_)?temp_'
              and not exists (select 1 from pg_catalog.pg_depend e where e.classid = 'pg_class'::regclass
                              and e.objid = c.oid and e.deptype = 'e')
            order by 1, 2
            """;

    private record Listed(String schema, String name, String qualified) {
    }

    private SourceSequences() {
    }

    /**
     * {@code schema.name} (unquoted, as tables are keyed) to its value. A sequence the role may not
     * read fails the clone, naming it: a target set from a guess would hand out ids already taken.
     */
    static Map<String, SequenceValue> read(Connection connection, SchemaSelection selection) throws SQLException {
        List<Listed> readable = new ArrayList<>();
        List<Listed> unreadable = new ArrayList<>();
        String role = "";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SQL)) {
            while (row.next()) {
                role = row.getString(7);
                boolean selected = row.getString(5) == null ? selection.includes(row.getString(1))
                        : selection.includesTable(row.getString(5), row.getString(6));
                if (selected) {
                    Listed sequence = new Listed(row.getString(1), row.getString(1) + "." + row.getString(2),
                            row.getString(3));
                    (row.getBoolean(4) ? readable : unreadable).add(sequence);
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw refused(unreadable, role, null);
        }
        Map<String, SequenceValue> values = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Listed sequence : readable) {
                try (ResultSet row = statement.executeQuery("select last_value, is_called from " + sequence.qualified())) {
                    row.next();
                    values.put(sequence.name(), new SequenceValue(row.getLong(1), row.getBoolean(2)));
                } catch (SQLException e) {
                    throw refused(List.of(sequence), role, e); // USAGE on its schema, say
                }
            }
        }
        return values;
    }

    private static SQLException refused(List<Listed> sequences, String role, SQLException cause) {
        String first = sequences.get(0).name();
        String others = sequences.size() == 1 ? "" : " (and " + (sequences.size() - 1) + " more: "
                + String.join(", ", sequences.subList(1, Math.min(sequences.size(), 11)).stream().map(Listed::name).toList())
                + (sequences.size() > 11 ? ", ..." : "") + ")";
        return new SQLException("cannot read sequence " + first + others + " as role " + role
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + ": the target's sequences are set from the"
                + " source's, so the clone needs SELECT on every sequence it copies (USAGE alone does not show"
                + " is_called): GRANT SELECT ON SEQUENCE " + first + " TO " + role + " (or ON ALL SEQUENCES IN SCHEMA "
                + sequences.get(0).schema() + ")", "42501", cause);
    }
}
