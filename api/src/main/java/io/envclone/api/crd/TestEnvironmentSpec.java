package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What a test environment is: a safe copy of a production source, anonymized, validated, kept fresh. */
public record TestEnvironmentSpec(
        @JsonPropertyDescription("What the environment is for: test, training, development or staging.") EnvironmentType type,
        @JsonPropertyDescription("The production database cloned, and which schemas and tables.") SourceSpec source,
        @JsonPropertyDescription("Where the environment lives: its name (its live database) and server.") TargetSpec target,
        @JsonPropertyDescription("The anonymization rules (inline or referenced), their policy and the key.")
        AnonymizationSpec anonymization,
        @JsonPropertyDescription("The application role and the checks a copy must pass before it becomes the environment.")
        ValidationSpec validation,
        @JsonPropertyDescription("When the environment is cloned again.") RefreshSpec refresh,
        @JsonPropertyDescription("How long the environment lives after its last clone (ISO-8601 duration, e.g. P14D); forever when absent.")
        String ttl,
        @JsonPropertyDescription("How long the environment a refresh replaced is kept for rollback (ISO-8601 duration); P7D when absent.")
        String retention,
        @JsonPropertyDescription("Scenarios applied after each clone and reset; refused on a type other than training.")
        List<ScenarioSpec> trainingScenarios,
        @JsonPropertyDescription("Secret with the connections: keys source-url, source-user, source-password (a read-only role), target-user, target-password.")
        String connectionSecret) {

    public static final String DEFAULT_RETENTION = "P7D";

    public TestEnvironmentSpec {
        trainingScenarios = trainingScenarios == null ? List.of() : List.copyOf(trainingScenarios);
    }
}
