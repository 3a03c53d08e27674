package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What the operator last saw of an environment. */
public record TestEnvironmentStatus(
        @JsonPropertyDescription("The spec generation this status describes.") Long observedGeneration,
        @JsonPropertyDescription("Pending, Cloning, Ready, Failed or Expired.") String phase,
        @JsonPropertyDescription("Why the environment is in its phase, in words.") String phaseReason,
        @JsonPropertyDescription("Conditions per Kubernetes API conventions: Ready, Progressing.") List<Condition> conditions,
        @JsonPropertyDescription("The CloneRequest that made the live database.") String lastCloneRequest,
        @JsonPropertyDescription("Id of the validation report of the live database (GET /api/reports/{id} on the validator).")
        String reportRef,
        @JsonPropertyDescription("When the environment is deleted (RFC 3339), from ttl.") String expiresAt) {

    public TestEnvironmentStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
