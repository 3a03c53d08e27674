package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a clone is, in the order it goes; the last three are final. */
public enum ClonePhase {
    /** Nothing done yet. */
    @JsonProperty("Pending") PENDING,
    /** The source's schema read and its migration made by the cloner. */
    @JsonProperty("Schema") SCHEMA,
    /** The clone started at the cloner, which builds the source's fingerprints first. */
    @JsonProperty("Fingerprinting") FINGERPRINTING,
    /** Rows moving: the anonymizer registered, the validator landing what the cloner sends. */
    @JsonProperty("Cloning") CLONING,
    /** The cloner done, the validator finishing the copy, validating it and switching it in. */
    @JsonProperty("Finishing") FINISHING,
    @JsonProperty("Ready") READY,
    @JsonProperty("Failed") FAILED,
    @JsonProperty("Cancelled") CANCELLED;

    public boolean isFinal() {
        return this == READY || this == FAILED || this == CANCELLED;
    }

    /** The name in manifests and status. */
    public String wireName() {
        String name = name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
