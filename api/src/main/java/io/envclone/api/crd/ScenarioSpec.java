package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** A training scenario: SQL applied after each clone and reset, with {@code :'name'} parameters quoted as literals. */
public record ScenarioSpec(
        @JsonPropertyDescription("Name of the scenario, recorded on the environment.") String name,
        @JsonPropertyDescription("SQL run in one transaction; :'parameter' values are quoted as literals, never SQL.") String sql,
        @JsonPropertyDescription("Values of the :'parameter's in sql.") Map<String, String> parameters) {

    public ScenarioSpec {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
