package io.envclone.service.catalog;

import static io.envclone.service.catalog.CatalogQuery.USER_NAMESPACE;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** User triggers (not the internal ones behind foreign keys, nor a partition's clone of its parent's). */
final class TriggerReader {

    private static final String SQL = """
            select 'pg_trigger'::regclass::oid, t.oid, n.nspname, c.relname || '.' || t.tgname,
                   pg_catalog.pg_get_triggerdef(t.oid), c.relname,
                   format('DROP TRIGGER %I ON %I.%I', t.tgname, n.nspname, c.relname)
            from pg_catalog.pg_trigger t
            join pg_catalog.pg_class c on c.oid = t.tgrelid
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where not t.tgisinternal and t.tgparentid = 0
              and""" + " " + USER_NAMESPACE;

    private TriggerReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SQL, row -> new CatalogObject(row.getLong(1), row.getLong(2),
                new SchemaObject(new ObjectId(ObjectKind.TRIGGER, row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(7), Set.of(new ObjectId(ObjectKind.TABLE, row.getString(3), row.getString(6))))));
    }
}
