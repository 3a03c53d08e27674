package io.envclone.api.schema;

import java.util.List;

/**
 * The statements that bring an existing environment's schema to the source's while keeping its
 * rows. Steps that would lose data are listed in {@code destructive}; they are in
 * {@code statements} only when the caller allowed them. {@code unsupported} names changes this
 * planner cannot make safely, for a person to do.
 */
public record SyncMigration(List<String> statements, List<Step> destructive, List<String> unsupported,
        boolean destructiveIncluded) {

    /** A step that loses data, and why. */
    public record Step(ObjectId object, String reason, String sql) {
    }

    public SyncMigration {
        statements = List.copyOf(statements);
        destructive = List.copyOf(destructive);
        unsupported = List.copyOf(unsupported);
    }

    public boolean isEmpty() {
        return statements.isEmpty() && destructive.isEmpty() && unsupported.isEmpty();
    }
}
