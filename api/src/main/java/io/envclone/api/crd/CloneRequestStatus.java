package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What the operator last decided of a clone (see {@code io.envclone.api.orchestration.CloneOrchestration}). */
public record CloneRequestStatus(
        @JsonPropertyDescription("The spec generation this status describes.") Long observedGeneration,
        @JsonPropertyDescription("Pending, Schema, Fingerprinting, Cloning, Finishing, Ready, Failed or Cancelled.")
        ClonePhase phase,
        @JsonPropertyDescription("Why the clone is in its phase, in words.") String phaseReason,
        @JsonPropertyDescription("Rows cloned, landed and expected.") CloneProgress progress,
        @JsonPropertyDescription("Conditions per Kubernetes API conventions: Ready, Progressing.") List<Condition> conditions,
        @JsonPropertyDescription("What the finished clone moved.") CloneStatistics statistics,
        @JsonPropertyDescription("Id of the validation report (GET /api/reports/{id} on the validator).") String reportRef,
        @JsonPropertyDescription("Attempts in a row that could not reach a service; reset by the next that does.")
        Integer retries) {

    public CloneRequestStatus {
        phase = phase == null ? ClonePhase.PENDING : phase;
        progress = progress == null ? CloneProgress.NONE : progress;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        retries = retries == null ? 0 : retries;
    }

    public static CloneRequestStatus initial() {
        return new CloneRequestStatus(null, ClonePhase.PENDING, "", CloneProgress.NONE, List.of(), null, null, 0);
    }
}
