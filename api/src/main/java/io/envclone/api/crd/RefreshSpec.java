package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** When the environment is cloned again; a refresh replaces it, so it needs {@code confirm}. */
public record RefreshSpec(
        @JsonPropertyDescription("Cron schedule (5 fields, UTC) of refreshes; none when absent.") String schedule,
        @JsonPropertyDescription("The environment's name, to allow a scheduled refresh to replace it.") String confirm) {
}
