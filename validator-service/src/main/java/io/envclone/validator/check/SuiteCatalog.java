package io.envclone.validator.check;

import io.envclone.service.catalog.CopyScope;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the tables the functionality suite exercises, in four catalog queries for the whole database. */
final class SuiteCatalog {

    private static final String TABLES = """
            select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and not c.relispartition
              and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%' and SCOPE
              and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                              and d.deptype = 'e')""".replace("SCOPE", CopyScope.includes("n.nspname"));

    private SuiteCatalog() {
    }

    static List<SuiteTable> read(Connection target) throws SQLException {
        Map<Long, String[]> names = new LinkedHashMap<>();
        Map<Long, boolean[]> flags = new LinkedHashMap<>();
        Map<Long, List<SuiteTable.Column>> columns = new LinkedHashMap<>();
        Map<Long, List<SuiteTable.UniqueKey>> keys = new LinkedHashMap<>();
        Map<Long, List<SuiteTable.Trigger>> triggers = new LinkedHashMap<>();
        query(target, "select c.oid, n.nspname, c.relname, c.relkind = 'p', c.relrowsecurity from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where c.oid in (" + TABLES + ") order by 2, 3", row -> {
                    names.put(row.getLong(1), new String[] {row.getString(2), row.getString(3)});
                    flags.put(row.getLong(1), new boolean[] {row.getBoolean(4), row.getBoolean(5)});
                });
        // a domain takes its base type's category; json is found through one level of domain
        query(target, """
                select a.attrelid, a.attname, a.attgenerated <> '', a.attidentity,
                       coalesce(pg_get_expr(d.adbin, d.adrelid) like '%nextval(%', false), d.oid is not null,
                       t.typcategory = 'S',
                       case when coalesce(nullif(t.typbasetype, 0), t.oid) in ('json'::regtype, 'jsonb'::regtype)
                            then format_type(coalesce(nullif(t.typbasetype, 0), t.oid), null) end
                from pg_attribute a join pg_type t on t.oid = a.atttypid
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attnum > 0 and not a.attisdropped and a.attrelid in (""" + TABLES + ") order by a.attrelid, a.attnum",
                row -> columns.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new SuiteTable.Column(
                        row.getString(2), row.getBoolean(3), charOf(row.getString(4)), row.getBoolean(5),
                        row.getBoolean(6), row.getBoolean(7), row.getString(8))));
        // an index's columns: its keys, and those its expressions and predicate use (pg_depend)
        query(target, """
                select i.indrelid, ci.relname, i.indisprimary,
                       array(select a.attname from pg_attribute a where a.attrelid = i.indrelid and a.attnum > 0
                               and (a.attnum = any(i.indkey::int2[]) or a.attnum in (select d.refobjsubid from pg_depend d
                                    where d.classid = 'pg_class'::regclass and d.objid = i.indexrelid
                                      and d.refobjid = i.indrelid)))
                from pg_index i join pg_class ci on ci.oid = i.indexrelid
                where i.indisunique and i.indrelid in (""" + TABLES + ")",
                row -> keys.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new SuiteTable.UniqueKey(
                        row.getString(2), row.getBoolean(3), strings(row.getArray(4)))));
        // a partition's copies of its parent's triggers (tgparentid) are the parent's
        query(target, """
                select t.tgrelid, t.tgname, t.tgtype, t.tgenabled, p.oid, pn.nspname || '.' || p.proname,
                       l.lanname <> 'internal', t.tgqual is not null
                from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_namespace pn on pn.oid = p.pronamespace
                join pg_language l on l.oid = p.prolang
                where not t.tgisinternal and t.tgparentid = 0 and t.tgrelid in (""" + TABLES + ") order by t.tgname",
                row -> triggers.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new SuiteTable.Trigger(
                        row.getString(2), row.getInt(3), charOf(row.getString(4)), row.getLong(5), row.getString(6),
                        row.getBoolean(7), row.getBoolean(8))));
        List<SuiteTable> tables = new ArrayList<>();
        names.forEach((oid, name) -> tables.add(new SuiteTable(oid, name[0], name[1], flags.get(oid)[0],
                flags.get(oid)[1], columns.getOrDefault(oid, List.of()), keys.getOrDefault(oid, List.of()),
                triggers.getOrDefault(oid, List.of()))));
        return tables;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection target, String sql, RowReader reader) throws SQLException {
        try (Statement statement = target.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                reader.read(row);
            }
        }
    }

    private static char charOf(String value) {
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> values = new TreeSet<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add((String) value);
        }
        return values;
    }
}
