package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An environment as the validator describes it: its type, the clone it holds, the scenarios
 * applied since, and the copies kept beside it (the pristine copy resets start from, the previous
 * copy a rollback returns to, with when its retention ends). Times are ISO-8601 text.
 */
public record EnvironmentState(String environment, String type, String cloneId, String createdAt,
        List<String> scenarios, List<Copy> copies) {

    /** A database of the environment: {@code role} is live, build, previous or pristine. */
    public record Copy(String database, String role, String cloneId, String createdAt, String keptUntil) {
    }

    public EnvironmentState {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        copies = copies == null ? List.of() : List.copyOf(copies);
    }

    /** The copy kept in {@code role}, if there is one. */
    public Optional<Copy> copy(String role) {
        return copies.stream().filter(copy -> role.equals(copy.role())).findFirst();
    }

    /** From the validator's {@code Description}. */
    static EnvironmentState fromJson(JsonNode description) {
        List<String> scenarios = new ArrayList<>();
        description.path("scenarios").forEach(scenario -> scenarios.add(scenario.asText()));
        List<Copy> copies = new ArrayList<>();
        description.path("copies").forEach(copy -> copies.add(new Copy(copy.path("database").asText(),
                copy.path("role").asText(), text(copy, "cloneId"), text(copy, "createdAt"), text(copy, "keptUntil"))));
        return new EnvironmentState(description.path("environment").asText(), text(description, "type"),
                text(description, "cloneId"), text(description, "createdAt"), scenarios, copies);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
