package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Where the environment lives: its live database is {@code environment}; beside it the validator
 * keeps {@code <environment>__build}, {@code __pristine} and {@code __previous}.
 */
public record TargetSpec(
        @JsonPropertyDescription("Name of the environment, also its live database's name, e.g. lofts-test.")
        String environment,
        @JsonPropertyDescription("Host of the target PostgreSQL server; must be one the validator allows.") String host,
        @JsonPropertyDescription("Port of the target server; 5432 when absent.") Integer port) {

    public int portOrDefault() {
        return port == null ? 5432 : port;
    }
}
