package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;
import static io.envclone.service.catalog.CatalogQuery.notFromExtension;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Functions and procedures (as the server prints them) and aggregates (rebuilt from pg_aggregate). */
final class FunctionReader {

    private static final String SQL = """
            select 'pg_proc'::regclass::oid, p.oid, n.nspname,
                   p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
                   case when p.prokind = 'a' then
                     format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %s, STYPE = %s', n.nspname, p.proname,
                            pg_catalog.pg_get_function_identity_arguments(p.oid), a.aggtransfn::regproc::text,
                            pg_catalog.format_type(a.aggtranstype, null))
                     || case when a.aggfinalfn <> 0 then ', FINALFUNC = ' || a.aggfinalfn::regproc::text else '' end
                     || case when a.aggcombinefn <> 0 then ', COMBINEFUNC = ' || a.aggcombinefn::regproc::text else '' end
                     || case when a.agginitval is not null then ', INITCOND = ' || quote_literal(a.agginitval) else '' end
                     || ')'
                   else rtrim(pg_catalog.pg_get_functiondef(p.oid), E'\\n') end,
                   format('DROP %s %I.%I(%s)', case p.prokind when 'a' then 'AGGREGATE' when 'p' then 'PROCEDURE'
                          else 'FUNCTION' end, n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
            from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
            left join pg_catalog.pg_aggregate a on a.aggfnoid = p.oid
            where""" + " " + USER_NAMESPACE + " and " + notFromExtension("pg_proc", "p.oid");

    private FunctionReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> new CatalogObject(row.getLong(1), row.getLong(2),
                new SchemaObject(new ObjectId(ObjectKind.FUNCTION, row.getString(3), row.getString(4)),
                        row.getString(5), row.getString(6), Set.of())));
    }
}
