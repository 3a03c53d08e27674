package io.envclone.api.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders objects so that each comes after everything it depends on (Kahn's algorithm), ties
 * broken by kind then name so the same model always gives the same script. Dependencies on
 * objects outside the set (already on the target, or left to the platform) are ignored.
 * A cycle is an error naming its members: the model splits what cycles in real schemas
 * (foreign keys, a table's checks calling functions) into separate post-data objects.
 */
public final class DependencyOrder {

    private DependencyOrder() {
    }

    public static List<SchemaObject> of(Iterable<SchemaObject> objects) {
        Map<ObjectId, SchemaObject> byId = new HashMap<>();
        objects.forEach(object -> byId.put(object.id(), object));
        Map<ObjectId, Integer> waitingOn = new HashMap<>();
        Map<ObjectId, List<ObjectId>> dependents = new HashMap<>();
        for (SchemaObject object : byId.values()) {
            int count = 0;
            for (ObjectId dependency : object.dependsOn()) {
                if (byId.containsKey(dependency) && !dependency.equals(object.id())) {
                    dependents.computeIfAbsent(dependency, key -> new ArrayList<>()).add(object.id());
                    count++;
                }
            }
            waitingOn.put(object.id(), count);
        }
        PriorityQueue<ObjectId> ready = new PriorityQueue<>();
        waitingOn.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<SchemaObject> ordered = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            ObjectId next = ready.poll();
            ordered.add(byId.get(next));
            for (ObjectId dependent : dependents.getOrDefault(next, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (ordered.size() < byId.size()) {
            Set<ObjectId> cycle = new TreeSet<>();
            waitingOn.forEach((id, count) -> {
                if (count > 0) {
                    cycle.add(id);
                }
            });
            throw new IllegalStateException("these objects depend on each other in a cycle: " + cycle);
        }
        return ordered;
    }
}
