package io.envclone.cli.local;

import io.envclone.api.schema.SchemaSelection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What discovery needs of a source: its columns with their types (and whether each is NOT NULL,
 * generated, in a key, or unique on its own) and a few rows of each table,
 * read in one read-only transaction (the server refuses any write in it), and an estimate of its
 * rows for the progress display. Nothing read here is printed or kept.
 */
public record SourceSample(List<Map<String, Object>> columns, Map<String, List<Map<String, String>>> samples,
        long estimatedRows) {

    public static final int ROWS_PER_TABLE = 50;

    public static SourceSample read(DatabaseUrl source, SchemaSelection selection) throws SQLException {
        try (Connection connection = readOnly(source)) {
            List<Map<String, Object>> columns = new ArrayList<>();
            Map<String, Long> tables = new LinkedHashMap<>();
            try (Statement sql = connection.createStatement(); ResultSet column = sql.executeQuery("""
                    select n.nspname, c.relname, a.attname,
                      -- a domain's values travel as its base type's
                      case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod)
                           else format_type(a.atttypid, a.atttypmod) end,
                      c.reltuples::bigint, a.attnotnull, a.attgenerated <> '',
                      exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype in ('p', 'f')
                              and a.attnum = any (k.conkey)),
                      exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisunique and i.indnatts = 1
                              and i.indkey[0] = a.attnum)
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                    join pg_type t on t.oid = a.atttypid
                    where c.relkind in ('r', 'p') and not c.relispartition
                      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                    order by 1, 2, a.attnum""")) {
                while (column.next()) {
                    String schema = column.getString(1);
                    String table = column.getString(2);
                    if (!selection.includes(schema) || !selection.includesTable(schema, table)) {
                        continue;
                    }
                    String name = schema + "." + table;
                    columns.add(Map.of("table", name, "column", column.getString(3), "type", column.getString(4),
                            "notNull", column.getBoolean(6), "generated", column.getBoolean(7), "key", column.getBoolean(8),
                            "unique", column.getBoolean(9)));
                    tables.put(name, Math.max(0, column.getLong(5)));
                }
            }
            Map<String, List<Map<String, String>>> samples = new HashMap<>();
            for (String table : tables.keySet()) {
                samples.put(table, rows(connection, table));
            }
            connection.rollback();
            return new SourceSample(columns, samples, tables.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private static List<Map<String, String>> rows(Connection connection, String table) throws SQLException {
        String[] parts = table.split("\\.", 2);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("select * from "
                + quote(parts[0]) + "." + quote(parts[1]) + " limit " + ROWS_PER_TABLE)) {
            ResultSetMetaData meta = row.getMetaData();
            while (row.next()) {
                Map<String, String> values = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnName(i), row.getString(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** A session in which the server itself refuses every write. */
    static Connection readOnly(DatabaseUrl database) throws SQLException {
        Connection connection = database.connect(Map.of("ApplicationName", "envclone discover (read-only)",
                "options", "-c default_transaction_read_only=on"));
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
