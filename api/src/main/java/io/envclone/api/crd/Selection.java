package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Glob patterns ({@code *} any run, {@code ?} one character) of what to take and what to leave. */
public record Selection(
        @JsonPropertyDescription("Patterns to take; empty takes everything.") List<String> include,
        @JsonPropertyDescription("Patterns to leave out, applied after include.") List<String> exclude) {

    public Selection {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public static Selection all() {
        return new Selection(List.of(), List.of());
    }
}
