package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The production database a clone reads: it must be a registered source, and the cloner proves
 * every session read-only. Credentials come from the environment's {@code connectionSecret}.
 */
public record SourceSpec(
        @JsonPropertyDescription("Name of the registered production source (envclone refuses an unregistered one).")
        String name,
        @JsonPropertyDescription("Database to read on that source's server.") String database,
        @JsonPropertyDescription("Schemas to take and leave, glob patterns; schemas and extensions themselves are always kept.")
        Selection schemas,
        @JsonPropertyDescription("Tables to take and leave, glob patterns on schema.table; what depends on a left table goes with it.")
        Selection tables) {

    public SourceSpec {
        schemas = schemas == null ? Selection.all() : schemas;
        tables = tables == null ? Selection.all() : tables;
    }
}
