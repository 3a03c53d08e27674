package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How far the rows are. */
public record CloneProgress(
        @JsonPropertyDescription("Rows the cloner has read and sent.") long rowsCloned,
        @JsonPropertyDescription("Rows the validator has landed in the copy.") long rowsLanded,
        @JsonPropertyDescription("Rows the copy must hold, known once the cloner is done; 0 before.") long expectedRows) {

    public static final CloneProgress NONE = new CloneProgress(0, 0, 0);
}
