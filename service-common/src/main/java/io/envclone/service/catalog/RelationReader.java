package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;
import static io.envclone.service.catalog.CatalogQuery.notFromExtension;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sequences, tables (with their columns, partitioning and sequence ownership), views and
 * materialized views (created empty; a REFRESH object fills those populated on the source).
 */
final class RelationReader {

    private static final String RELATIONS = """
            select 'pg_class'::regclass::oid, c.oid, n.nspname, c.relname, c.relkind::text, c.relispartition,
              case c.relkind
                when 'S' then (select format('CREATE SEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s%s',
                      n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, null), s.seqincrement, s.seqmin, s.seqmax,
                      s.seqstart, s.seqcache, case when s.seqcycle then ' CYCLE' else '' end)
                    from pg_catalog.pg_sequence s where s.seqrelid = c.oid)
                when 'v' then format('CREATE VIEW %I.%I%s AS %s', n.nspname, c.relname,
                    coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', ''),
                    rtrim(pg_catalog.pg_get_viewdef(c.oid), ';'))
                when 'm' then format('CREATE MATERIALIZED VIEW %I.%I AS %s WITH NO DATA', n.nspname, c.relname,
                    rtrim(pg_catalog.pg_get_viewdef(c.oid), ';'))
              end,
              c.relispopulated,
              case when c.relispartition then (select format('%I.%I', pn.nspname, p.relname)
                  || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid)
                  from pg_catalog.pg_inherits i join pg_catalog.pg_class p on p.oid = i.inhparent
                  join pg_catalog.pg_namespace pn on pn.oid = p.relnamespace where i.inhrelid = c.oid) end,
              case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end,
              c.relpersistence = 'u',
              array_to_string(c.reloptions, ', '),
              format('%I.%I', n.nspname, c.relname),
              pn.nspname, p.relname,
              format('DROP %s %I.%I', case c.relkind when 'S' then 'SEQUENCE' when 'v' then 'VIEW'
                     when 'm' then 'MATERIALIZED VIEW' else 'TABLE' end, n.nspname, c.relname)
            from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            -- a partition needs its parent first; pg_depend does not say so, pg_inherits does
            left join pg_catalog.pg_inherits i on i.inhrelid = c.oid and c.relispartition
            left join pg_catalog.pg_class p on p.oid = i.inhparent
            left join pg_catalog.pg_namespace pn on pn.oid = p.relnamespace
            where c.relkind in ('S', 'r', 'p', 'v', 'm')
              and""" + " " + USER_NAMESPACE + " and " + notFromExtension("pg_class", "c.oid") + """
              -- identity columns make their own sequences
              and not (c.relkind = 'S' and exists (select 1 from pg_catalog.pg_depend d
                       where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i'))
            """;

    private RelationReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        Map<Long, List<String>> columns = ColumnReader.read(connection);
        Map<Long, List<String>> ownedSequences = ColumnReader.ownedSequences(connection);
        List<CatalogObject> found = new ArrayList<>();
        for (Relation relation : CatalogQuery.list(connection, RELATIONS, RelationReader::relation)) {
            ObjectKind kind = switch (relation.kind) {
                case "S" -> ObjectKind.SEQUENCE;
                case "v" -> ObjectKind.VIEW;
                case "m" -> ObjectKind.MATERIALIZED_VIEW;
                default -> ObjectKind.TABLE;
            };
            ObjectId id = new ObjectId(kind, relation.schema, relation.name);
            String sql = kind == ObjectKind.TABLE
                    ? table(relation, columns.getOrDefault(relation.oid, List.of()), ownedSequences.getOrDefault(relation.oid, List.of()))
                    : relation.sql;
            Set<ObjectId> parent = relation.parentName == null ? Set.of()
                    : Set.of(new ObjectId(ObjectKind.TABLE, relation.parentSchema, relation.parentName));
            found.add(new CatalogObject(relation.classOid, relation.oid, new SchemaObject(id, sql, relation.dropSql,
                    parent)));
            if (kind == ObjectKind.MATERIALIZED_VIEW && relation.populated) {
                found.add(new CatalogObject(0, 0, new SchemaObject(new ObjectId(ObjectKind.REFRESH, relation.schema,
                        relation.name), "REFRESH MATERIALIZED VIEW " + relation.qualified, Set.of(id))));
            }
        }
        return found;
    }

    private static String table(Relation relation, List<String> columns, List<String> ownedSequences) {
        StringBuilder sql = new StringBuilder("CREATE ").append(relation.unlogged ? "UNLOGGED " : "").append("TABLE ")
                .append(relation.qualified);
        if (relation.partitionOf != null) {
            sql.append(" PARTITION OF ").append(relation.partitionOf);
        } else {
            sql.append(" (\n    ").append(String.join(",\n    ", columns)).append("\n)");
        }
        if (relation.partitionKey != null) {
            sql.append(" PARTITION BY ").append(relation.partitionKey);
        }
        if (relation.options != null && !relation.options.isEmpty()) {
            sql.append(" WITH (").append(relation.options).append(')');
        }
        ownedSequences.forEach(owned -> sql.append(";\n").append(owned));
        return sql.toString();
    }

    private record Relation(long classOid, long oid, String schema, String name, String kind, boolean partition,
            String sql, boolean populated, String partitionOf, String partitionKey, boolean unlogged, String options,
            String qualified, String parentSchema, String parentName, String dropSql) {
    }

    private static Relation relation(java.sql.ResultSet row) throws SQLException {
        return new Relation(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getBoolean(6), row.getString(7), row.getBoolean(8), row.getString(9), row.getString(10),
                row.getBoolean(11), row.getString(12), row.getString(13),
                row.getString(14), row.getString(15), row.getString(16));
    }
}
