package io.envclone.api.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the migration of an existing environment ({@code target}) to the source's schema,
 * keeping the environment's rows: new objects are created, changed ones altered or recreated
 * when that loses no data (indexes, constraints, triggers, policies, views, functions), and
 * whatever would lose data (dropping a table or column, changing a column) is only listed
 * unless the caller allows it.
 */
public final class SyncPlanner {

    /** Kinds whose objects hold no rows: dropping and recreating one loses nothing. */
    private static final Set<ObjectKind> RECREATABLE = Set.of(ObjectKind.CONSTRAINT, ObjectKind.FOREIGN_KEY,
            ObjectKind.INDEX, ObjectKind.TRIGGER, ObjectKind.POLICY, ObjectKind.ROW_SECURITY,
            ObjectKind.MATERIALIZED_VIEW);
    /** Kinds that hold or shape rows: removing one is destructive. */
    private static final Set<ObjectKind> HOLDS_DATA = Set.of(ObjectKind.TABLE, ObjectKind.SEQUENCE, ObjectKind.TYPE,
            ObjectKind.SCHEMA, ObjectKind.EXTENSION);

    private SyncPlanner() {
    }

    public static SyncMigration plan(SchemaModel source, SchemaModel target, boolean allowDestructive) {
        SchemaDiff diff = SchemaDiff.between(target, source);
        Set<ObjectId> toDrop = new HashSet<>();
        List<SyncMigration.Step> destructive = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        Map<ObjectId, List<String>> creates = new HashMap<>();

        for (ObjectId removed : diff.removed()) {
            SchemaObject object = target.objects().get(removed);
            if (HOLDS_DATA.contains(removed.kind())) {
                destructive.add(new SyncMigration.Step(removed, "not in the source any more", object.dropSql()));
            } else if (removed.kind() != ObjectKind.ROLE && removed.kind() != ObjectKind.REFRESH) {
                // roles are cluster-wide and may serve others; a refresh leaves nothing to remove
                toDrop.add(removed);
            }
        }
        for (ObjectId id : diff.added()) {
            creates.put(id, List.of(source.objects().get(id).createSql()));
        }
        for (SchemaDiff.Change change : diff.changed()) {
            SchemaObject before = target.objects().get(change.id());
            SchemaObject after = source.objects().get(change.id());
            if (RECREATABLE.contains(change.id().kind())) {
                toDrop.add(change.id());
                creates.put(change.id(), List.of(after.createSql()));
            } else {
                creates.put(change.id(), alter(before, after, destructive, unsupported));
            }
        }
        List<String> statements = new ArrayList<>();
        for (SchemaObject object : dependentsFirst(target, toDrop)) {
            statements.add(object.id().kind() == ObjectKind.GRANT
                    ? Grants.revocation(object.createSql()) : object.dropSql());
        }
        List<SchemaObject> toCreate = creates.keySet().stream().map(source.objects()::get).toList();
        for (SchemaObject object : DependencyOrder.of(toCreate)) {
            statements.addAll(creates.get(object.id()));
        }
        if (allowDestructive) {
            destructive.forEach(step -> statements.add(step.sql()));
        }
        return new SyncMigration(statements, destructive, unsupported, allowDestructive);
    }

    /** The statements that bring {@code before} to {@code after} in place, keeping rows. */
    private static List<String> alter(SchemaObject before, SchemaObject after, List<SyncMigration.Step> destructive,
            List<String> unsupported) {
        return switch (after.id().kind()) {
            case TABLE -> TableChanges.of(before, after, destructive, unsupported);
            case VIEW -> List.of(after.createSql().replaceFirst("^CREATE VIEW", "CREATE OR REPLACE VIEW"));
            case SEQUENCE -> List.of(after.createSql().replaceFirst("^CREATE SEQUENCE", "ALTER SEQUENCE"));
            case GRANT -> List.of(Grants.revocation(before.createSql()), after.createSql());
            case TYPE -> typeChange(before, after, unsupported);
            // functions are CREATE OR REPLACE; schemas, extensions and roles IF NOT EXISTS; comments just set
            default -> List.of(after.createSql());
        };
    }

    private static List<String> typeChange(SchemaObject before, SchemaObject after, List<String> unsupported) {
        if (EnumLabels.isEnum(before.createSql()) && EnumLabels.isEnum(after.createSql())) {
            List<String> old = EnumLabels.of(before.createSql());
            List<String> now = EnumLabels.of(after.createSql());
            if (now.containsAll(old)) {
                String name = after.createSql().substring("CREATE TYPE ".length(), after.createSql().indexOf(" AS ENUM"));
                return EnumLabels.additions(name, old, now);
            }
        }
        unsupported.add(after.id() + ": changed in a way ALTER TYPE cannot follow without rewriting rows;"
                + " migrate it by hand (was: " + before.createSql() + ")");
        return List.of();
    }

    /** Objects of {@code ids} in the order they can be dropped: dependents first. */
    private static List<SchemaObject> dependentsFirst(SchemaModel model, Set<ObjectId> ids) {
        List<SchemaObject> ordered = new ArrayList<>(DependencyOrder.of(
                model.objects().values().stream().filter(object -> ids.contains(object.id())).toList()));
        Collections.reverse(ordered);
        return ordered;
    }
}
