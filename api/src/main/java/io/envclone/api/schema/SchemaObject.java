package io.envclone.api.schema;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of a schema: what it is, the SQL that creates it, the SQL that removes it
 * (empty where there is none to run: a refresh, a role), and what must exist before it (from
 * the source's own dependency catalog, not guessed).
 */
public record SchemaObject(ObjectId id, String createSql, String dropSql, Set<ObjectId> dependsOn) {

    public SchemaObject {
        dropSql = dropSql == null ? "" : dropSql;
        dependsOn = Collections.unmodifiableSet(new TreeSet<>(dependsOn));
    }

    public SchemaObject(ObjectId id, String createSql, Set<ObjectId> dependsOn) {
        this(id, createSql, "", dependsOn);
    }

    public SchemaObject withDependencies(Set<ObjectId> more) {
        Set<ObjectId> all = new TreeSet<>(dependsOn);
        all.addAll(more);
        all.remove(id);
        return new SchemaObject(id, createSql, dropSql, all);
    }
}
