package io.envclone.api.schema;

import java.util.Comparator;

/**
 * Names one object of a schema model. {@code name} is what makes the object unique within its
 * kind and schema: {@code users} for a table, {@code users.users_pkey} for a constraint,
 * {@code loft_occupancy(bigint, date, date)} for a function.
 */
public record ObjectId(ObjectKind kind, String schema, String name) implements Comparable<ObjectId> {

    private static final Comparator<ObjectId> ORDER = Comparator.comparing(ObjectId::kind)
            .thenComparing(ObjectId::schema).thenComparing(ObjectId::name);

    @Override
    public int compareTo(ObjectId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + (schema.isEmpty() ? "" : schema + ".") + name;
    }
}
