package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** One clone of an environment, with what this clone does differently. */
public record CloneRequestSpec(
        @JsonPropertyDescription("Name of the TestEnvironment to clone into, in the same namespace.") String environmentRef,
        @JsonPropertyDescription("Tables for this clone instead of the environment's source.tables.") Selection tables,
        @JsonPropertyDescription("Row filters for a subset: schema.table to an SQL condition, applied as WHERE (condition).")
        Map<String, String> rowFilters,
        @JsonPropertyDescription("Workers reading the source, 1 to 32; the cloner's default when absent.") Integer parallelism,
        @JsonPropertyDescription("Rows per batch; the cloner's default when absent.") Integer batchSize,
        @JsonPropertyDescription("Clone id of an interrupted clone to resume from its checkpoints instead of starting over.")
        String resumeFrom,
        @JsonPropertyDescription("The environment's name, to allow this clone to replace an environment that exists.")
        String confirm,
        @JsonPropertyDescription("Set true to stop the clone: the half-built copy is dropped and the environment stays.")
        Boolean cancel) {

    public CloneRequestSpec {
        rowFilters = rowFilters == null ? Map.of() : Map.copyOf(rowFilters);
    }

    public boolean cancelRequested() {
        return Boolean.TRUE.equals(cancel);
    }

    public boolean resuming() {
        return resumeFrom != null && !resumeFrom.isBlank();
    }
}
