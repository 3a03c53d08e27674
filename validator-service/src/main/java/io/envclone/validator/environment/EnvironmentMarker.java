package io.envclone.validator.environment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What envclone knows of a database it made, written on the database itself as its comment: the
 * knowledge travels with a rename, survives a restart of the validator, and tells a database
 * envclone created (and may replace or delete) from one it did not.
 *
 * @param role {@code live}, {@code build}, {@code previous} or {@code pristine}
 * @param type the environment's type: {@code test}, {@code training}, {@code development}, {@code staging}
 * @param keptUntil for a previous copy, when its retention ends; null otherwise
 * @param scenarios the training scenarios applied since the clone, in order (a full reset applies them again)
 */
public record EnvironmentMarker(String environment, String role, String type, String cloneId, Instant createdAt,
        Instant keptUntil, List<AppliedScenario> scenarios) {

    /** A scenario applied to the environment, with the parameters it was given. */
    public record AppliedScenario(String name, String sql, Map<String, String> parameters, Instant appliedAt) {
    }

    private static final String PREFIX = "envclone:";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    public EnvironmentMarker {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    EnvironmentMarker as(String newRole, Instant newKeptUntil) {
        return new EnvironmentMarker(environment, newRole, type, cloneId, createdAt, newKeptUntil, scenarios);
    }

    EnvironmentMarker withScenario(AppliedScenario scenario) {
        List<AppliedScenario> more = new ArrayList<>(scenarios);
        more.add(scenario);
        return new EnvironmentMarker(environment, role, type, cloneId, createdAt, keptUntil, more);
    }

    EnvironmentMarker withScenarios(List<AppliedScenario> applied) {
        return new EnvironmentMarker(environment, role, type, cloneId, createdAt, keptUntil, applied);
    }

    String toComment() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an environment marker could not be written", e);
        }
    }

    /** The marker a database comment holds; empty for a database envclone did not make. */
    static Optional<EnvironmentMarker> fromComment(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(comment.substring(PREFIX.length()), EnvironmentMarker.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
