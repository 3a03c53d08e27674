package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Row-level security: which tables enable (and force) it, and their policies. */
final class SecurityReader {

    private static final String ROW_SECURITY = """
            select n.nspname, c.relname,
                   format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', n.nspname, c.relname)
                   || case when c.relforcerowsecurity
                        then format(';%sALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', E'\\n', n.nspname, c.relname)
                        else '' end,
                   format('ALTER TABLE %I.%I NO FORCE ROW LEVEL SECURITY;%sALTER TABLE %I.%I DISABLE ROW LEVEL SECURITY',
                          n.nspname, c.relname, E'\\n', n.nspname, c.relname)
            from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where c.relrowsecurity and c.relkind in ('r', 'p')
              and""" + " " + USER_NAMESPACE;

    private static final String POLICIES = """
            select 'pg_policy'::regclass::oid, p.oid, n.nspname, c.relname || '.' || p.polname,
                   format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s', p.polname, n.nspname, c.relname,
                          case when p.polpermissive then 'PERMISSIVE' else 'RESTRICTIVE' end,
                          case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE'
                                        when 'd' then 'DELETE' else 'ALL' end,
                          (select string_agg(case when r = 0 then 'PUBLIC' else quote_ident(pg_catalog.pg_get_userbyid(r)) end,
                                             ', ' order by 1) from unnest(p.polroles) r))
                   || coalesce(' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid) || ')', '')
                   || coalesce(' WITH CHECK (' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) || ')', ''),
                   c.relname, format('DROP POLICY %I ON %I.%I', p.polname, n.nspname, c.relname)
            from pg_catalog.pg_policy p
            join pg_catalog.pg_class c on c.oid = p.polrelid
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where""" + " " + USER_NAMESPACE;

    private SecurityReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        List<CatalogObject> found = new ArrayList<>(CatalogQuery.list(connection, ROW_SECURITY, row -> {
            ObjectId table = new ObjectId(ObjectKind.TABLE, row.getString(1), row.getString(2));
            return new CatalogObject(0, 0, new SchemaObject(new ObjectId(ObjectKind.ROW_SECURITY, row.getString(1),
                    row.getString(2)), row.getString(3), row.getString(4), Set.of(table)));
        }));
        found.addAll(CatalogQuery.list(connection, POLICIES, row -> new CatalogObject(row.getLong(1), row.getLong(2),
                new SchemaObject(new ObjectId(ObjectKind.POLICY, row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(7), Set.of(new ObjectId(ObjectKind.TABLE, row.getString(3), row.getString(6)))))));
        return found;
    }
}
