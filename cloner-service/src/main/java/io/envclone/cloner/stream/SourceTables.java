package io.envclone.cloner.stream;

import io.envclone.api.schema.SchemaSelection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Lists the tables of a clone with their data columns, key and size, from the catalogs, in the clone's snapshot. */
final class SourceTables {

    private static final String SQL = """
            select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname), rn.nspname, r.relname,
                   array_agg(a.attname::text order by a.attnum), array_agg(format('%I', a.attname) order by a.attnum),
                   array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) order by a.attnum),
                   array_agg(case when wt.typtype = 'e' then 'enum' else pg_catalog.format_type(wt.oid, null) end
                             order by a.attnum),
                   pg_catalog.quote_ident(k.attname), pg_catalog.pg_relation_size(c.oid)
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                 and a.attgenerated = ''
            -- the binary form of a domain is its base type's
            join pg_catalog.pg_type at on at.oid = a.atttypid
            join pg_catalog.pg_type wt on wt.oid = case when at.typtype = 'd' then at.typbasetype else at.oid end
            -- a partition is selected by the table people name: the root of its tree
            join pg_catalog.pg_class r on r.oid = coalesce(pg_catalog.pg_partition_root(c.oid), c.oid)
            join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace
            -- the leading primary-key column, when it is an integer: large tables are cut into ranges of it
            left join lateral (
                 select ka.attname from pg_catalog.pg_constraint pk
                 join pg_catalog.pg_attribute ka on ka.attrelid = pk.conrelid and ka.attnum = pk.conkey[1]
                 where pk.conrelid = c.oid and pk.contype = 'p'
                   and ka.atttypid in ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)) k on true
            where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
              and not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_class'::regclass
                              and d.objid = c.oid and d.deptype = 'e')
            group by c.oid, n.nspname, c.relname, rn.nspname, r.relname, k.attname
            order by pg_catalog.pg_relation_size(c.oid) desc, 1, 2
            """;

    private SourceTables() {
    }

    /** Largest first: the longest tables start early, so parallel workers finish together. */
    static List<SourceTable> list(Connection connection, SchemaSelection selection) throws SQLException {
        List<SourceTable> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SQL)) {
            while (row.next()) {
                if (selection.includesTable(row.getString(1), row.getString(2))
                        && selection.includesTable(row.getString(4), row.getString(5))) {
                    tables.add(new SourceTable(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4) + "." + row.getString(5), strings(row, 6), strings(row, 7), strings(row, 8),
                            strings(row, 9), row.getString(10), row.getLong(11)));
                }
            }
        }
        return tables;
    }

    private static List<String> strings(ResultSet row, int column) throws SQLException {
        return List.of((String[]) row.getArray(column).getArray());
    }
}
