package io.envclone.api.schema;

import java.util.Set;
import java.util.TreeSet;

/**
 * One object of a schema: what it is, the SQL that creates it, and what must exist before it
 * (from the source's own dependency catalog, not guessed).
 */
public record SchemaObject(ObjectId id, String createSql, Set<ObjectId> dependsOn) {

    public SchemaObject {
        dependsOn = java.util.Collections.unmodifiableSet(new TreeSet<>(dependsOn));
    }

    public SchemaObject withDependencies(Set<ObjectId> more) {
        Set<ObjectId> all = new TreeSet<>(dependsOn);
        all.addAll(more);
        all.remove(id);
        return new SchemaObject(id, createSql, all);
    }
}
