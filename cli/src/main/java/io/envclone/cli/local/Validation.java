package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The validator's whole validation of an environment that exists ({@code POST /api/validate}), and
 * its stored report as Markdown and as JSON. With the source's migration (the cloner's, read from
 * the source read-only) the schema is compared to the source's too. The environment is not changed:
 * the functionality suite's writes are rolled back.
 */
public record Validation(String environment, boolean passed, String summary, String reportId, String markdown,
        JsonNode report) {

    /** {@code sourceMigration} may be null: then the schema is not compared to a source's. */
    public static Validation of(ServiceClient validator, DatabaseUrl target, JsonNode sourceMigration) {
        Map<String, Object> body = new HashMap<>();
        body.put("target", target.service().json());
        if (sourceMigration != null) {
            body.put("preData", sourceMigration.get("preData"));
            body.put("postData", sourceMigration.get("postData"));
        }
        JsonNode verdict = validator.post("/api/validate", body);
        String reportId = verdict.path("reportId").asText();
        return new Validation(verdict.path("environment").asText(target.database()), verdict.path("passed").asBoolean(),
                verdict.path("summary").asText(), reportId, validator.text("/api/reports/" + reportId, "text/markdown"),
                validator.get("/api/reports/" + reportId));
    }

    /** The source's migration as the cloner writes it for an empty target: what schema parity compares with. */
    public static JsonNode sourceMigration(ServiceClient cloner, DatabaseUrl source) {
        return cloner.post("/api/schema/migration", Map.of("source", source.service().json()));
    }
}
