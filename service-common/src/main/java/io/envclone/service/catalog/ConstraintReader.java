package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Table constraints, each added after the rows load: primary keys, unique, check and exclusion
 * constraints, and foreign keys. Those a partition inherits from its parent come with the parent's.
 */
final class ConstraintReader {

    private static final String SQL = """
            select 'pg_constraint'::regclass::oid, k.oid, n.nspname, c.relname || '.' || k.conname, k.contype = 'f',
                   format('ALTER TABLE %s%I.%I ADD CONSTRAINT %I %s', case when c.relkind = 'p' then '' else 'ONLY ' end,
                          n.nspname, c.relname, k.conname, pg_catalog.pg_get_constraintdef(k.oid)),
                   c.relname, format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, c.relname, k.conname)
            from pg_catalog.pg_constraint k
            join pg_catalog.pg_class c on c.oid = k.conrelid
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where k.contype in ('p', 'u', 'c', 'x', 'f') and k.conparentid = 0 and k.conislocal
              and c.relkind in ('r', 'p')
              and""" + " " + USER_NAMESPACE;

    private ConstraintReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> {
            String schema = row.getString(3);
            ObjectKind kind = row.getBoolean(5) ? ObjectKind.FOREIGN_KEY : ObjectKind.CONSTRAINT;
            return new CatalogObject(row.getLong(1), row.getLong(2), new SchemaObject(
                    new ObjectId(kind, schema, row.getString(4)), row.getString(6), row.getString(8),
                    Set.of(new ObjectId(ObjectKind.TABLE, schema, row.getString(7)))));
        });
    }
}
