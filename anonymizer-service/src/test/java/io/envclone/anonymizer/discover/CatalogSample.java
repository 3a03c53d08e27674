package io.envclone.anonymizer.discover;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovery's input read from a real database, as the cloner would give it: the columns of every
 * table (partitions as their root: the cloner names the root), types via format_type (a domain as
 * its base type, an enum as {@code enum}, a type outside pg_catalog by its bare name), unique and
 * key flags from indexes and constraints, generated columns; then up to {@code rows} rows per
 * table, every column as text.
 */
final class CatalogSample {

    private static final String COLUMNS = """
            select n.nspname, c.relname, a.attname,
                   case when wt.typtype = 'e' then 'enum'
                        when wt.typnamespace = 'pg_catalog'::regnamespace then pg_catalog.format_type(wt.oid, null)
                        else wt.typname::text end,
                   a.attnotnull,
                   exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid and i.indisunique
                           and a.attnum = any (i.indkey::int2[])),
                   exists (select 1 from pg_catalog.pg_constraint k where k.conrelid = c.oid and k.contype in ('p', 'f')
                           and a.attnum = any (k.conkey)),
                   a.attgenerated <> ''
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            join pg_catalog.pg_type at on at.oid = a.atttypid
            join pg_catalog.pg_type wt on wt.oid = case when at.typtype = 'd' then at.typbasetype else at.oid end
            where c.relkind in ('r', 'p') and not c.relispartition
              and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
              and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_class'::regclass
                              and d.objid = c.oid and d.deptype = 'e')
            order by n.nspname, c.relname, a.attnum
            """;

    private CatalogSample() {
    }

    static DiscoveryInput read(Connection connection, int rows) throws SQLException {
        List<SchemaColumn> columns = new ArrayList<>();
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(COLUMNS)) {
            while (row.next()) {
                String table = row.getString(1) + "." + row.getString(2);
                columns.add(new SchemaColumn(table, row.getString(3), row.getString(4), row.getBoolean(5),
                        row.getBoolean(6), row.getBoolean(7), row.getBoolean(8)));
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(row.getString(3));
            }
        }
        Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : byTable.entrySet()) {
            samples.put(table.getKey(), sample(connection, table.getKey(), table.getValue(), rows));
        }
        return new DiscoveryInput(columns, samples);
    }

    private static List<Map<String, String>> sample(Connection connection, String table, List<String> columns, int rows)
            throws SQLException {
        String[] parts = table.split("\\.", 2);
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quoted(columns.get(i))).append("::text");
        }
        sql.append(" from ").append(quoted(parts[0])).append('.').append(quoted(parts[1])).append(" limit ").append(rows);
        List<Map<String, String>> sampled = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql.toString())) {
            while (row.next()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), row.getString(i + 1));
                }
                sampled.add(values);
            }
        }
        return sampled;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
