package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an environment is for: the validator refuses scenarios on a type other than {@code training} unless asked. */
public enum EnvironmentType {
    @JsonProperty("test") TEST,
    @JsonProperty("training") TRAINING,
    @JsonProperty("development") DEVELOPMENT,
    @JsonProperty("staging") STAGING;

    /** The name in manifests and in the validator's API. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
