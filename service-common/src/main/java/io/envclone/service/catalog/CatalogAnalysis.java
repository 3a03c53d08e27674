package io.envclone.service.catalog;

import io.envclone.api.schema.ObjectId;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.schema.SchemaObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a whole schema model from the catalogs of the database {@code connection} is on.
 * Names in the DDL come fully qualified: the search path is emptied for the transaction, as
 * pg_dump does, so the script means the same whatever the target's search path.
 */
public final class CatalogAnalysis {

    private CatalogAnalysis() {
    }

    public static SchemaModel read(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("select pg_catalog.set_config('search_path', '', true)");
        }
        List<CatalogObject> found = new ArrayList<>();
        found.addAll(NamespaceReader.read(connection));
        found.addAll(TypeReader.read(connection));
        found.addAll(FunctionReader.read(connection));
        found.addAll(RelationReader.read(connection));
        found.addAll(ConstraintReader.read(connection));
        found.addAll(IndexReader.read(connection));
        found.addAll(TriggerReader.read(connection));
        found.addAll(SecurityReader.read(connection));
        DependencyReader.Result dependencies = DependencyReader.read(connection, found);
        List<SchemaObject> objects = new ArrayList<>(found.size());
        for (CatalogObject object : found) {
            objects.add(object.object().withDependencies(
                    dependencies.dependencies().getOrDefault(object.object().id(), Set.of())));
        }
        List<AttachedObject> attached = new ArrayList<>(CommentReader.read(connection));
        attached.addAll(AccessReader.grants(connection));
        for (AttachedObject object : attached) {
            ObjectId owner = dependencies.resolver().apply(object.describes());
            // what belongs to something the analysis does not copy (an extension's object) is not copied either
            if (owner != null) {
                objects.add(object.object().withDependencies(Set.of(owner)));
            }
        }
        objects.addAll(AccessReader.roles(connection));
        return SchemaModel.of(objects, UnsupportedReader.read(connection));
    }
}
