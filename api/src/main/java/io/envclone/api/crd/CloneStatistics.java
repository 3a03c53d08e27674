package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What a finished clone moved. */
public record CloneStatistics(
        @JsonPropertyDescription("Rows in the copy.") long rows,
        @JsonPropertyDescription("Tables in the copy.") int tables,
        @JsonPropertyDescription("Batches landed.") long batches,
        @JsonPropertyDescription("Batches delivered again and skipped (exactly-once landing).") long redeliveries) {
}
