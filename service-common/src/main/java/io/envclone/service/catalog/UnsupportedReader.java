package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Finds what the source has that the analysis does not copy yet, so the decision is said
 * aloud (in the model, the API answer and the script) instead of made silently.
 */
final class UnsupportedReader {

    private static final String SQL = """
            select format('foreign table %I.%I: create its server and table on the target by hand', n.nspname, c.relname)
            from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'f' and USER_NS
            union all
            select format('table inheritance %I.%I INHERITS %I.%I: copied as two separate tables', n.nspname, c.relname,
                          pn.nspname, p.relname)
            from pg_catalog.pg_inherits i join pg_catalog.pg_class c on c.oid = i.inhrelid
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_class p on p.oid = i.inhparent join pg_catalog.pg_namespace pn on pn.oid = p.relnamespace
            where not c.relispartition and c.relkind in ('r', 'p') and USER_NS
            union all
            select format('rule %I on %I.%I: rules other than views are not copied', r.rulename, n.nspname, c.relname)
            from pg_catalog.pg_rewrite r join pg_catalog.pg_class c on c.oid = r.ev_class
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where r.rulename <> '_RETURN' and USER_NS
            union all
            select format('operator %s: user-defined operators are not copied', o.oid::regoperator)
            from pg_catalog.pg_operator o join pg_catalog.pg_namespace n on n.oid = o.oprnamespace
            where USER_NS and NOT_EXTENSION_OPERATOR
            union all
            select format('collation %I.%I: user-defined collations are not copied', n.nspname, co.collname)
            from pg_catalog.pg_collation co join pg_catalog.pg_namespace n on n.oid = co.collnamespace
            where USER_NS and NOT_EXTENSION_COLLATION
            union all
            select format('statistics object %I.%I: extended statistics are not copied; ANALYZE rebuilds the rest',
                          n.nspname, s.stxname)
            from pg_catalog.pg_statistic_ext s join pg_catalog.pg_namespace n on n.oid = s.stxnamespace
            where USER_NS
            union all
            select format('event trigger %I: event triggers are not copied', e.evtname) from pg_catalog.pg_event_trigger e
            where NOT_EXTENSION_EVENT
            union all
            select format('publication %I: publications are not copied (a copy replicates to nobody)', p.pubname)
            from pg_catalog.pg_publication p
            union all
            select format('default privileges of %s in %s: not copied; grants on existing objects are',
                          pg_catalog.pg_get_userbyid(d.defaclrole), coalesce(n.nspname, 'every schema'))
            from pg_catalog.pg_default_acl d left join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
            order by 1
            """.replace("USER_NS", USER_NAMESPACE)
            .replace("NOT_EXTENSION_OPERATOR", CatalogQuery.notFromExtension("pg_operator", "o.oid"))
            .replace("NOT_EXTENSION_COLLATION", CatalogQuery.notFromExtension("pg_collation", "co.oid"))
            .replace("NOT_EXTENSION_EVENT", CatalogQuery.notFromExtension("pg_event_trigger", "e.oid"));

    private UnsupportedReader() {
    }

    static List<String> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> row.getString(1));
    }
}
