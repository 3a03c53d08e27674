package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the validator checks beyond counts, keys, health, functionality, schema parity and leaks. */
public record ValidationSpec(
        @JsonPropertyDescription("The application's role: row security and read access are checked as it.") String appRole,
        @JsonPropertyDescription("The environment's own checks, each a named query with its expected result.")
        List<CheckSpec> checks) {

    public ValidationSpec {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
