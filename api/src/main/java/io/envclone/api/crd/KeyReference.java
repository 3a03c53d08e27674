package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One key of a Secret or ConfigMap in the resource's namespace. */
public record KeyReference(
        @JsonPropertyDescription("Name of the Secret or ConfigMap, in the resource's namespace.") String name,
        @JsonPropertyDescription("Key inside it.") String key) {
}
