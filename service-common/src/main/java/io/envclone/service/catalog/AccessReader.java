package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Privileges and the roles they name, so a copy's RLS and grants behave as the source's.
 * Each object with explicit privileges becomes one GRANT object: REVOKE ALL FROM PUBLIC, then
 * the source's grants to everyone but the owner (an object's default privileges differ by kind;
 * starting from none and granting back what the source has gives the same result everywhere).
 */
final class AccessReader {

    /** Securable objects with an explicit ACL: (class, oid, schema, name of the GRANT object, the SQL noun and name, acl). */
    private static final String SECURABLES = """
            with securable as (
              select 'pg_class'::regclass::oid cls, c.oid, n.nspname sch,
                     case c.relkind when 'S' then 'SEQUENCE ' else 'TABLE ' end || format('%I.%I', n.nspname, c.relname) target,
                     c.relacl acl, c.relowner owner,
                     -- an identity column's sequence is no object of its own but part of its table: its grant goes with the table
                     coalesce((select i.refobjid from pg_catalog.pg_depend i where i.classid = 'pg_class'::regclass
                               and i.objid = c.oid and i.refclassid = 'pg_class'::regclass and i.deptype = 'i'), c.oid) attach
              from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
              where c.relkind in ('r', 'p', 'v', 'm', 'S') and c.relacl is not null and USER_NAMESPACE_N
              union all
              select 'pg_proc'::regclass::oid, p.oid, n.nspname,
                     case p.prokind when 'p' then 'PROCEDURE ' else 'FUNCTION ' end
                       || format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)),
                     p.proacl, p.proowner, p.oid
              from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
              where p.proacl is not null and USER_NAMESPACE_N
              union all
              select 'pg_namespace'::regclass::oid, n.oid, n.nspname, 'SCHEMA ' || format('%I', n.nspname), n.nspacl, n.nspowner,
                     n.oid
              from pg_catalog.pg_namespace n where n.nspacl is not null and USER_NAMESPACE_N
              union all
              select 'pg_type'::regclass::oid, t.oid, n.nspname,
                     case t.typtype when 'd' then 'DOMAIN ' else 'TYPE ' end || format('%I.%I', n.nspname, t.typname),
                     t.typacl, t.typowner, t.oid
              from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
              where t.typacl is not null and USER_NAMESPACE_N
            )
            select s.cls, s.attach, s.sch, s.target,
                   'REVOKE ALL ON ' || s.target || ' FROM PUBLIC'
                   || coalesce((select string_agg(g.stmt, '' order by g.stmt) from (
                        select format(E';\\nGRANT %s ON %s TO %s%s', string_agg(a.privilege_type, ', ' order by a.privilege_type),
                                      s.target, case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) end,
                                      case when a.is_grantable then ' WITH GRANT OPTION' else '' end) stmt
                        from aclexplode(s.acl) a where a.grantee <> s.owner
                        group by a.grantee, a.is_grantable) g), '')
            from securable s
            where not exists (select 1 from pg_catalog.pg_depend e where e.classid = s.cls and e.objid = s.oid and e.deptype = 'e')
            """.replace("USER_NAMESPACE_N", USER_NAMESPACE);

    private static final String COLUMN_GRANTS = """
            select 'pg_class'::regclass::oid, c.oid, n.nspname, 'TABLE ' || format('%I.%I', n.nspname, c.relname),
                   format('GRANT %s (%I) ON TABLE %I.%I TO %s', string_agg(a.privilege_type, ', ' order by a.privilege_type),
                          att.attname, n.nspname, c.relname,
                          case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) end)
            from pg_catalog.pg_attribute att
            join pg_catalog.pg_class c on c.oid = att.attrelid
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace,
                 lateral aclexplode(att.attacl) a
            where att.attacl is not null and att.attnum > 0 and not att.attisdropped and a.grantee <> c.relowner
              and""" + " " + USER_NAMESPACE + """

            group by c.oid, n.nspname, c.relname, att.attname, a.grantee
            order by 4, 5
            """;

    /** Roles that privileges or policies name, but not the built-in ones; inside one database, those of the copy's schemas. */
    private static final String ROLES = """
            select distinct r.rolname,
                   format('DO $role$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %L) THEN'
                          ' CREATE ROLE %I NOLOGIN; END IF; END $role$', r.rolname, r.rolname)
            from pg_catalog.pg_roles r
            where r.rolname !~ '^pg_' and not r.rolsuper
              and (exists (select 1 from pg_catalog.pg_policy p join pg_catalog.pg_class pc on pc.oid = p.polrelid
                           where r.oid = any(p.polroles) and IN_SCOPE(pc.relnamespace))
                   -- an owner's own privileges are not copied (owners are not), so they need no role
                   or exists (select 1 from pg_catalog.pg_class c, lateral aclexplode(c.relacl) a
                              where a.grantee = r.oid and a.grantee <> c.relowner and IN_SCOPE(c.relnamespace))
                   or exists (select 1 from pg_catalog.pg_proc p, lateral aclexplode(p.proacl) a
                              where a.grantee = r.oid and a.grantee <> p.proowner and IN_SCOPE(p.pronamespace))
                   or exists (select 1 from pg_catalog.pg_namespace s, lateral aclexplode(s.nspacl) a
                              where a.grantee = r.oid and a.grantee <> s.nspowner and IN_SCOPE(s.oid))
                   or exists (select 1 from pg_catalog.pg_type t, lateral aclexplode(t.typacl) a
                              where a.grantee = r.oid and a.grantee <> t.typowner and IN_SCOPE(t.typnamespace))
                   or exists (select 1 from pg_catalog.pg_attribute t join pg_catalog.pg_class c on c.oid = t.attrelid,
                              lateral aclexplode(t.attacl) a where a.grantee = r.oid and a.grantee <> c.relowner
                              and IN_SCOPE(c.relnamespace)))
            """.replaceAll("IN_SCOPE\\(([a-z.]+)\\)", java.util.regex.Matcher.quoteReplacement(
                    CopyScope.includesNamespace("OID")).replace("OID", "$1"));

    private AccessReader() {
    }

    /** The GRANT objects, each attached to what it secures; column grants join their table's. */
    static List<AttachedObject> grants(Connection connection) throws SQLException {
        Map<String, AttachedObject> byTarget = new LinkedHashMap<>();
        for (AttachedObject grant : CatalogQuery.list(connection, SECURABLES, AccessReader::grant)) {
            byTarget.put(grant.object().id().name(), grant);
        }
        for (AttachedObject column : CatalogQuery.list(connection, COLUMN_GRANTS, AccessReader::grant)) {
            byTarget.merge(column.object().id().name(), column, (table, more) -> new AttachedObject(
                    new SchemaObject(table.object().id(), table.object().createSql() + ";\n" + more.object().createSql(),
                            Set.of()), table.describes()));
        }
        return new ArrayList<>(byTarget.values());
    }

    private static AttachedObject grant(java.sql.ResultSet row) throws SQLException {
        return new AttachedObject(new SchemaObject(new ObjectId(ObjectKind.GRANT, row.getString(3), row.getString(4)),
                row.getString(5), Set.of()), new DependencyReader.Key(row.getLong(1), row.getLong(2)));
    }

    static List<SchemaObject> roles(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, ROLES, row -> new SchemaObject(
                new ObjectId(ObjectKind.ROLE, "", row.getString(1)), row.getString(2), Set.of()));
    }
}
