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
import java.util.Set;

/** Schemas and extensions. */
final class NamespaceReader {

    private NamespaceReader() {
    }

    static List<CatalogObject> read(Connection connection) throws SQLException {
        List<CatalogObject> found = new ArrayList<>(CatalogQuery.list(connection, """
                select 'pg_namespace'::regclass::oid, n.oid, n.nspname,
                       format('CREATE SCHEMA IF NOT EXISTS %I', n.nspname) || SUFFIX,
                       format('DROP SCHEMA %I', n.nspname)
                from pg_catalog.pg_namespace n
                where""".replace("SUFFIX", PublicSchemaOwner.SUFFIX_SQL) + " " + USER_NAMESPACE + " and "
                + notFromExtension("pg_namespace", "n.oid"),
                row -> new CatalogObject(row.getLong(1), row.getLong(2), new SchemaObject(
                        new ObjectId(ObjectKind.SCHEMA, "", row.getString(3)), row.getString(4), row.getString(5),
                        Set.of()))));
        // plpgsql is in every database already; the others are created where the source has them
        found.addAll(CatalogQuery.list(connection, """
                select 'pg_extension'::regclass::oid, e.oid, e.extname,
                       format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I', e.extname, n.nspname),
                       format('DROP EXTENSION %I', e.extname)
                from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
                where e.extname <> 'plpgsql' and""" + " " + CopyScope.includes("n.nspname"),
                row -> new CatalogObject(row.getLong(1), row.getLong(2), new SchemaObject(
                        new ObjectId(ObjectKind.EXTENSION, "", row.getString(3)), row.getString(4), row.getString(5),
                        Set.of()))));
        return found;
    }
}
