package io.envclone.api.schema;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything analysed from one database, keyed by object id, and what the analysis found but
 * does not copy ({@code skipped}: each names the object, says it is not copied and what to do),
 * so nothing is ever left out silently.
 */
public record SchemaModel(Map<ObjectId, SchemaObject> objects, List<String> skipped) {

    public SchemaModel {
        objects = java.util.Collections.unmodifiableMap(new TreeMap<>(objects));
        skipped = List.copyOf(skipped);
    }

    public static SchemaModel of(Collection<SchemaObject> objects) {
        return of(objects, List.of());
    }

    public static SchemaModel of(Collection<SchemaObject> objects, List<String> skipped) {
        return new SchemaModel(objects.stream().collect(Collectors.toMap(SchemaObject::id, Function.identity(),
                (first, second) -> {
                    throw new IllegalArgumentException("two objects named " + first.id());
                })), skipped);
    }

    public Optional<SchemaObject> find(ObjectId id) {
        return Optional.ofNullable(objects.get(id));
    }

    public List<SchemaObject> ofKind(ObjectKind kind) {
        return objects.values().stream().filter(object -> object.id().kind() == kind).toList();
    }

    /** How many objects of each kind, for summaries and logs. */
    public Map<ObjectKind, Long> countsByKind() {
        return objects.keySet().stream()
                .collect(Collectors.groupingBy(ObjectId::kind, TreeMap::new, Collectors.counting()));
    }
}
