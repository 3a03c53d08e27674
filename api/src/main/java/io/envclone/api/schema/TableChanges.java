package io.envclone.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** ALTER TABLE for the columns a table gained; what it lost or changed is destructive and only listed. */
final class TableChanges {

    private TableChanges() {
    }

    static List<String> of(SchemaObject before, SchemaObject after, List<SyncMigration.Step> destructive,
            List<String> unsupported) {
        TableDefinition old = TableDefinition.parse(before.createSql());
        TableDefinition now = TableDefinition.parse(after.createSql());
        String table = now.qualifiedName();
        if (!old.head().equals(now.head()) || !old.tail().equals(now.tail())) {
            unsupported.add(after.id() + ": its partitioning, options or sequence ownership changed;"
                    + " migrate it by hand (was: " + before.createSql() + ")");
        }
        List<String> statements = new ArrayList<>();
        for (Map.Entry<String, String> column : now.columns().entrySet()) {
            String previous = old.columns().get(column.getKey());
            if (previous == null) {
                statements.add("ALTER TABLE " + table + " ADD COLUMN " + column.getValue());
            } else if (!Objects.equals(previous, column.getValue())) {
                destructive.add(new SyncMigration.Step(after.id(), "column " + column.getKey() + " changed from "
                        + previous + " to " + column.getValue() + ": recreated, its values are lost",
                        "ALTER TABLE " + table + " DROP COLUMN " + column.getKey() + ";\nALTER TABLE " + table
                                + " ADD COLUMN " + column.getValue()));
            }
        }
        for (String column : old.columns().keySet()) {
            if (!now.columns().containsKey(column)) {
                destructive.add(new SyncMigration.Step(after.id(), "column " + column + " is not in the source",
                        "ALTER TABLE " + table + " DROP COLUMN " + column));
            }
        }
        return statements;
    }
}
