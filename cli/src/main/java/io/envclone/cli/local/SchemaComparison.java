package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * How a target's schema differs from its source's, as the cloner compares them ({@code POST
 * /api/schema/compare}): both read in proven read-only sessions, nothing written anywhere.
 * {@code text} is the difference for a person, {@code diff} the same for a script.
 */
public record SchemaComparison(boolean identical, String text, JsonNode diff) {

    public static SchemaComparison of(ServiceClient cloner, DatabaseUrl source, DatabaseUrl target) {
        JsonNode comparison = cloner.post("/api/schema/compare", Map.of("source", source.service().json(),
                "target", target.service().json()));
        return new SchemaComparison(comparison.path("identical").asBoolean(), comparison.path("text").asText(""),
                comparison.path("diff"));
    }
}
