package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A named, read-only SQL check run on the copy before it becomes the environment. */
public record CheckSpec(
        @JsonPropertyDescription("Name of the check in the report.") String name,
        @JsonPropertyDescription("A read-only query.") String sql,
        @JsonPropertyDescription("Expected result: 0, true, > 0, rows: 3, 'text'.") String expect,
        @JsonPropertyDescription("Role to run it as; the validator's own when absent.") String role) {
}
