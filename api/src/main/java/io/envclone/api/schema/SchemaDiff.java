package io.envclone.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a second schema differs from a first: objects only in the second (added), only in the
 * first (removed), and in both with another definition (changed, with both definitions).
 */
public record SchemaDiff(List<ObjectId> added, List<ObjectId> removed, List<Change> changed) {

    /** One object defined differently: what it was and what it is. */
    public record Change(ObjectId id, String before, String after) {
    }

    public SchemaDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public static SchemaDiff between(SchemaModel before, SchemaModel after) {
        List<ObjectId> added = new ArrayList<>();
        List<ObjectId> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        after.objects().forEach((id, object) -> {
            SchemaObject old = before.objects().get(id);
            if (old == null) {
                added.add(id);
            } else if (!Objects.equals(comparable(old), comparable(object))) {
                changed.add(new Change(id, old.createSql(), object.createSql()));
            }
        });
        before.objects().keySet().stream().filter(id -> !after.objects().containsKey(id)).forEach(removed::add);
        return new SchemaDiff(added, removed, changed);
    }

    /** Tables compare whatever their column order: a column a sync added sits last, and that is no difference. */
    private static String comparable(SchemaObject object) {
        return object.id().kind() == ObjectKind.TABLE
                ? TableDefinition.parse(object.createSql()).normalized() : object.createSql();
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** Readable text: one line per added or removed object, both definitions for a changed one. */
    public String render() {
        if (isEmpty()) {
            return "no differences\n";
        }
        StringBuilder text = new StringBuilder();
        added.forEach(id -> text.append("+ ").append(id).append('\n'));
        removed.forEach(id -> text.append("- ").append(id).append('\n'));
        changed.forEach(change -> text.append("~ ").append(change.id()).append("\n    was: ")
                .append(change.before().replace("\n", "\n         ")).append("\n    now: ")
                .append(change.after().replace("\n", "\n         ")).append('\n'));
        return text.toString();
    }
}
