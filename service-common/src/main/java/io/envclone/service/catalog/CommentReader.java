package io.envclone.service.catalog;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Comments, on whatever they describe, named as the server names objects
 * ({@code pg_identify_object}), so one query serves every kind.
 */
final class CommentReader {

    private static final String SQL = """
            select d.classoid, d.objoid, coalesce(o.schema, ''), o.type || ' ' || o.identity,
                   format('COMMENT ON %s IS %L', t.target, d.description), format('COMMENT ON %s IS NULL', t.target)
            from pg_catalog.pg_description d,
                 lateral pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o,
                 lateral (select case o.type when 'table column' then 'COLUMN' when 'table constraint' then 'CONSTRAINT'
                                             when 'composite type' then 'TYPE' else upper(o.type) end
                                 || ' ' || case when o.type in ('table constraint', 'trigger', 'policy')
                                                then regexp_replace(o.identity, ' on ', ' ON ') else o.identity end
                                 as target) t
            where coalesce(o.schema, o.identity) not in ('pg_catalog', 'information_schema', 'pg_toast')
              and o.type not in ('extension', 'domain constraint', 'language')
              and not exists (select 1 from pg_catalog.pg_depend e where e.classid = d.classoid
                              and e.objid = d.objoid and e.deptype = 'e')
            """;

    private CommentReader() {
    }

    static List<AttachedObject> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> new AttachedObject(
                new SchemaObject(new ObjectId(ObjectKind.COMMENT, row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(6), Set.of()),
                new DependencyReader.Key(row.getLong(1), row.getLong(2))));
    }
}
