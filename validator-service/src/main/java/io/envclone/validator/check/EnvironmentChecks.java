package io.envclone.validator.check;

import io.envclone.service.catalog.CopyScope;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks of a finished environment that read only the target: row counts against the source
 * snapshot's, every foreign key holding (orphans counted per constraint, as a deferred or disabled
 * check could have let them in), and every sequence ahead of the largest value in its column, so
 * the application's next insert does not collide.
 */
public final class EnvironmentChecks {

    private EnvironmentChecks() {
    }

    /** {@code expected}: {@code schema.table} to its row count in the source's snapshot. */
    public static List<CheckResult> rowCounts(Connection target, Map<String, Long> expected) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, Long> table : new java.util.TreeMap<>(expected).entrySet()) {
            results.add(rowCount(table.getKey(), countRows(target, table.getKey()), table.getValue()));
        }
        return results;
    }

    /** The rows of {@code schema.table} itself (not its inheritance children), as the source's snapshot counted them. */
    public static long countRows(Connection target, String table) throws SQLException {
        String[] name = table.split("\\.", 2);
        return single(target, "select count(*) from only " + quoted(name[0]) + "." + quoted(name[1]));
    }

    public static CheckResult rowCount(String table, long count, long expected) {
        return new CheckResult("rows " + table, count == expected, count + " rows, the source had " + expected);
    }

    public static List<CheckResult> foreignKeys(Connection target) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery("""
                select c.conname, cn.nspname, cl.relname, pn.nspname, pl.relname,
                       (select string_agg(quote_ident(a.attname), ',' order by k.i) from unnest(c.conkey) with ordinality k(n, i)
                          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n),
                       (select string_agg(quote_ident(a.attname), ',' order by k.i) from unnest(c.confkey) with ordinality k(n, i)
                          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n)
                from pg_constraint c
                join pg_class cl on cl.oid = c.conrelid join pg_namespace cn on cn.oid = cl.relnamespace
                join pg_class pl on pl.oid = c.confrelid join pg_namespace pn on pn.oid = pl.relnamespace
                where c.contype = 'f' and c.conparentid = 0 and cn.nspname not in ('pg_catalog', 'information_schema')
                  and SCOPE
                order by 2, 3, 1""".replace("SCOPE", CopyScope.includes("cn.nspname")))) {
            while (row.next()) {
                keys.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7)});
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (String[] key : keys) {
            String[] columns = key[5].split(",");
            String[] referenced = key[6].split(",");
            StringBuilder notNull = new StringBuilder();
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < columns.length; i++) {
                notNull.append(i == 0 ? "" : " and ").append("c.").append(columns[i]).append(" is not null");
                join.append(i == 0 ? "" : " and ").append("p.").append(referenced[i]).append(" = c.").append(columns[i]);
            }
            // MATCH SIMPLE: a row with a null in the key references nothing
            long orphans = single(target, "select count(*) from " + quoted(key[1]) + "." + quoted(key[2]) + " c where "
                    + notNull + " and not exists (select 1 from " + quoted(key[3]) + "." + quoted(key[4]) + " p where "
                    + join + ")");
            results.add(new CheckResult("foreign key " + key[1] + "." + key[2] + "." + key[0], orphans == 0,
                    orphans == 0 ? "every row has its " + key[3] + "." + key[4]
                            : orphans + " rows reference no " + key[3] + "." + key[4]));
        }
        return results;
    }

    /**
     * Each sequence a column uses: owned by it (serial, identity, OWNED BY) or only named in its
     * default, as in a dump whose sequences were created apart (Pagila's). A sequence several
     * columns use must be ahead of the largest of them; a partition is covered by its parent.
     */
    public static List<CheckResult> sequences(Connection target) throws SQLException {
        Map<String, List<String[]>> columns = new java.util.TreeMap<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery("""
                select distinct sn.nspname, s.relname, tn.nspname, t.relname, a.attname
                from pg_class s join pg_namespace sn on sn.oid = s.relnamespace
                join lateral (
                    select d.refobjid as relid, d.refobjsubid as attnum from pg_depend d
                    where d.classid = 'pg_class'::regclass and d.objid = s.oid and d.refclassid = 'pg_class'::regclass
                      and d.deptype in ('a', 'i')
                    union
                    select ad.adrelid, ad.adnum from pg_depend d join pg_attrdef ad on ad.oid = d.objid
                    where d.classid = 'pg_attrdef'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjid = s.oid
                ) used on true
                join pg_class t on t.oid = used.relid and not t.relispartition join pg_namespace tn on tn.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = used.attnum
                join pg_type ty on ty.oid = a.atttypid
                -- a default such as 'INV-' || nextval(...) writes text: only integer columns compare
                where s.relkind = 'S' and SCOPE
                  and coalesce(nullif(ty.typbasetype, 0), ty.oid) in ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
                order by 1, 2, 3, 4, 5""".replace("SCOPE", CopyScope.includes("sn.nspname")))) {
            while (row.next()) {
                columns.computeIfAbsent(row.getString(1) + "." + row.getString(2), k -> new ArrayList<>())
                        .add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5)});
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> sequence : columns.entrySet()) {
            String[] first = sequence.getValue().get(0);
            long next = single(target, "select case when is_called then last_value else last_value - 1 end from "
                    + quoted(first[0]) + "." + quoted(first[1]));
            long max = Long.MIN_VALUE;
            String largest = null;
            for (String[] column : sequence.getValue()) {
                long value = single(target, "select coalesce(max(" + quoted(column[4]) + "), 0) from " + quoted(column[2])
                        + "." + quoted(column[3]));
                if (value > max) {
                    max = value;
                    largest = column[3] + "." + column[4];
                }
            }
            results.add(new CheckResult("sequence " + sequence.getKey(), next >= max,
                    "at " + next + ", the largest " + largest + " is " + max
                            + (next >= max ? "" : ": set it with setval to at least " + max)));
        }
        return results;
    }

    private static long single(Connection target, String query) throws SQLException {
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
