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

/** Enum, composite, domain and range types, each as its CREATE statement. */
final class TypeReader {

    private static final String SQL = """
            select 'pg_type'::regclass::oid, t.oid, n.nspname, t.typname,
              case t.typtype
                when 'e' then format('CREATE TYPE %I.%I AS ENUM (%s)', n.nspname, t.typname,
                  (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                   from pg_catalog.pg_enum e where e.enumtypid = t.oid))
                when 'c' then format('CREATE TYPE %I.%I AS (%s)', n.nspname, t.typname,
                  (select string_agg(format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)),
                          ', ' order by a.attnum)
                   from pg_catalog.pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped))
                when 'd' then format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname,
                    pg_catalog.format_type(t.typbasetype, t.typtypmod))
                  || coalesce((select ' COLLATE ' || format('%I.%I', cn.nspname, co.collname)
                               from pg_catalog.pg_collation co join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                               join pg_catalog.pg_type b on b.oid = t.typbasetype
                               where co.oid = t.typcollation and t.typcollation <> b.typcollation), '')
                  || case when t.typdefault is not null then ' DEFAULT ' || t.typdefault else '' end
                  || case when t.typnotnull then ' NOT NULL' else '' end
                  || coalesce((select string_agg(format(' CONSTRAINT %I ', c.conname) || pg_catalog.pg_get_constraintdef(c.oid),
                                      '' order by c.conname)
                               from pg_catalog.pg_constraint c where c.contypid = t.oid and c.contype = 'c'), '')
                when 'r' then (select format('CREATE TYPE %I.%I AS RANGE (SUBTYPE = %s', n.nspname, t.typname,
                      pg_catalog.format_type(r.rngsubtype, null))
                    || case when r.rngcollation <> 0 and r.rngcollation <> st.typcollation
                         then ', COLLATION = ' || (select format('%I.%I', cn.nspname, co.collname)
                              from pg_catalog.pg_collation co join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
                              where co.oid = r.rngcollation) else '' end
                    || case when r.rngsubdiff <> 0 then ', SUBTYPE_DIFF = ' || r.rngsubdiff::regproc::text else '' end
                    || case when r.rngcanonical <> 0 then ', CANONICAL = ' || r.rngcanonical::regproc::text else '' end
                    || ')'
                  from pg_catalog.pg_range r join pg_catalog.pg_type st on st.oid = r.rngsubtype where r.rngtypid = t.oid)
              end,
              format('DROP %s %I.%I', case t.typtype when 'd' then 'DOMAIN' else 'TYPE' end, n.nspname, t.typname)
            from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
            where (t.typtype in ('e', 'd', 'r')
                   or (t.typtype = 'c' and (select c.relkind from pg_catalog.pg_class c where c.oid = t.typrelid) = 'c'))
              and""" + " " + USER_NAMESPACE + " and " + notFromExtension("pg_type", "t.oid");

    private TypeReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> new CatalogObject(row.getLong(1), row.getLong(2),
                new SchemaObject(new ObjectId(ObjectKind.TYPE, row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(6), Set.of())));
    }
}
