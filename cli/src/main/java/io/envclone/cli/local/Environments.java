package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An environment's life after its clone through the validator's REST API ({@code
 * /api/environments/{name}}): what it is, reset, rollback, delete. Every write names the target
 * (the validator is then judged and audited as for a landing) and carries the confirmation, the
 * environment's name, only when the person confirmed.
 */
public final class Environments {

    private final ServiceClient validator;

    public Environments(ServiceClient validator) {
        this.validator = validator;
    }

    /**
     * What {@code target}'s database is as an environment; empty when envclone did not make it.
     * {@code validator} (may be null) is asked first; one that was never given the target answers
     * 404, and the markers on the server are read instead.
     */
    public static Optional<EnvironmentState> describe(ServiceClient validator, DatabaseUrl target) throws SQLException {
        if (validator != null) {
            Optional<JsonNode> described = validator.find("/api/environments/" + target.database());
            if (described.isPresent()) {
                return described.map(EnvironmentState::fromJson);
            }
        }
        return EnvironmentMarkers.describe(target, target.database());
    }

    public EnvironmentState reset(DatabaseUrl target, String mode, String confirm, String requestedBy) {
        Map<String, Object> body = write(target, confirm, requestedBy);
        body.put("mode", mode);
        return EnvironmentState.fromJson(validator.post(path(target, "reset"), body));
    }

    public EnvironmentState rollback(DatabaseUrl target, String confirm, String requestedBy) {
        return EnvironmentState.fromJson(validator.post(path(target, "rollback"), write(target, confirm, requestedBy)));
    }

    /** The databases dropped: none when envclone made none of that name. */
    public List<String> delete(DatabaseUrl target, String confirm, String requestedBy) {
        List<String> dropped = new ArrayList<>();
        validator.post(path(target, "delete"), write(target, confirm, requestedBy))
                .forEach(database -> dropped.add(database.asText()));
        return dropped;
    }

    private static String path(DatabaseUrl target, String operation) {
        return "/api/environments/" + target.database() + "/" + operation;
    }

    private static Map<String, Object> write(DatabaseUrl target, String confirm, String requestedBy) {
        Map<String, Object> body = new HashMap<>();
        body.put("target", target.service().json());
        body.put("confirm", confirm);
        body.put("requestedBy", requestedBy);
        return body;
    }
}
