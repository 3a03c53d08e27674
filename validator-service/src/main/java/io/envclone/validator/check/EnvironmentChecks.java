package io.envclone.validator.check;

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
                order by 2, 3, 1""")) {
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

    public static List<CheckResult> sequences(Connection target) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery("""
                select sn.nspname, s.relname, tn.nspname, t.relname, a.attname
                from pg_depend d
                join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_namespace sn on sn.oid = s.relnamespace
                join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                order by 1, 2""")) {
            while (row.next()) {
                owned.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)});
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (String[] sequence : owned) {
            String name = quoted(sequence[0]) + "." + quoted(sequence[1]);
            long next = single(target, "select case when is_called then last_value else last_value - 1 end from " + name);
            long max = single(target, "select coalesce(max(" + quoted(sequence[4]) + "), 0) from " + quoted(sequence[2]) + "."
                    + quoted(sequence[3]));
            results.add(new CheckResult("sequence " + sequence[0] + "." + sequence[1], next >= max,
                    "at " + next + ", the largest " + sequence[3] + "." + sequence[4] + " is " + max
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
