package io.envclone.validator.check;

import io.envclone.service.catalog.CopyScope;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The finished environment read back whole for the source's values: every text, character, JSON,
 * search vector and array-of-text column of every table and populated materialized view, each value tested by the same test the leak gate applies to each
 * batch. The gate stops a leaking batch; this proves nothing else wrote one in (a trigger, a
 * post-data statement, a scenario). A finding names the table and column and counts the values,
 * never shows one.
 */
public final class LeakScan {

    private LeakScan() {
    }

    /**
     * {@code leaks}: whether a value of a column ({@code schema.table.column}; a partition's under its
     * root table, as rules name it) is (very probably) one of the source's.
     */
    public static List<CheckResult> scan(Connection target, BiPredicate<String, String> leaks) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement sql = target.createStatement(); ResultSet row = sql.executeQuery("""
                select n.nspname, c.relname, a.attname, rn.nspname || '.' || r.relname
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_class r on r.oid = coalesce(pg_partition_root(c.oid), c.oid)
                join pg_namespace rn on rn.oid = r.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                join pg_type t on t.oid = a.atttypid
                left join pg_type b on b.oid = t.typbasetype
                left join pg_type e on e.oid = coalesce(b.typelem, t.typelem) and coalesce(b.typcategory, t.typcategory) = 'A'
                where (c.relkind = 'r' or (c.relkind = 'm' and c.relispopulated))
                  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%' and SCOPE
                  and (coalesce(b.typcategory, t.typcategory) in ('S', 'U') or e.typcategory in ('S', 'U'))
                  and coalesce(b.typname, t.typname) <> 'bytea'
                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                order by 1, 2, a.attnum""".replace("SCOPE", CopyScope.includes("n.nspname")))) {
            while (row.next()) {
                columns.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)});
            }
        }
        List<CheckResult> results = new ArrayList<>();
        // in a transaction: a cursor reads a table in pieces, not held in memory
        long values = RolledBack.run(target, true, connection -> {
            long read = 0;
            for (String[] column : columns) {
                String name = column[0] + "." + column[1] + "." + column[2];
                String ruled = column[3] + "." + column[2]; // a partition's column is ruled, and public, as its root's
                long leaked = 0;
                try (Statement sql = connection.createStatement()) {
                    sql.setFetchSize(5_000);
                    try (ResultSet row = sql.executeQuery("select distinct " + quoted(column[2]) + "::text from "
                            + quoted(column[0]) + "." + quoted(column[1]) + " where " + quoted(column[2]) + " is not null")) {
                        while (row.next()) {
                            read++;
                            if (leaks.test(ruled, row.getString(1))) {
                                leaked++;
                            }
                        }
                    }
                }
                if (leaked > 0) {
                    results.add(new CheckResult("no source value in " + name, false, (leaked == 1
                            ? "1 distinct value of the source is" : leaked + " distinct values of the source are") + " in "
                            + name + ": give the column a rule, or fix the rule that missed them"));
                }
            }
            return read;
        });
        if (results.isEmpty()) {
            results.add(new CheckResult("no source value in the copy", true, values + " distinct values in "
                    + columns.size() + " text and JSON columns, none of the source's"));
        }
        return results;
    }
}
