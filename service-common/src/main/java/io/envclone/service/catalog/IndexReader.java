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

/**
 * Indexes that stand on their own: not those a constraint creates, and not a partition's copy
 * of its parent's index (creating the parent's index creates those).
 */
final class IndexReader {

    private static final String SQL = """
            select 'pg_class'::regclass::oid, i.oid, n.nspname, i.relname,
                   replace(pg_catalog.pg_get_indexdef(i.oid), ' ON ONLY ', ' ON '),
                   format('DROP INDEX %I.%I', n.nspname, i.relname)
            from pg_catalog.pg_index x
            join pg_catalog.pg_class i on i.oid = x.indexrelid
            join pg_catalog.pg_namespace n on n.oid = i.relnamespace
            where not exists (select 1 from pg_catalog.pg_constraint k where k.conindid = x.indexrelid
                              and k.contype in ('p', 'u', 'x'))
              and not exists (select 1 from pg_catalog.pg_inherits h where h.inhrelid = x.indexrelid)
              and""" + " " + USER_NAMESPACE + " and " + notFromExtension("pg_class", "i.oid");

    private IndexReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> new CatalogObject(row.getLong(1), row.getLong(2),
                new SchemaObject(new ObjectId(ObjectKind.INDEX, row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(6), Set.of())));
    }
}
