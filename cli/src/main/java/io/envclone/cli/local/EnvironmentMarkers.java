package io.envclone.cli.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An environment read from its server without a validator: the validator writes what it knows of
 * each database it makes on the database itself, as its comment ({@code envclone:} and JSON), and
 * any role may read the comments in one read-only query. A validator only describes environments
 * it was given the target of since it started, which a validator started for one command never
 * was; this reads the same markers it would.
 */
public final class EnvironmentMarkers {

    private static final String PREFIX = "envclone:";
    // instants are written as seconds with nine decimals: a double would lose the last ones
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EnvironmentMarkers() {
    }

    /** {@code environment} on {@code server}'s server; empty when its live database is not one envclone made. */
    public static Optional<EnvironmentState> describe(DatabaseUrl server, String environment) throws SQLException {
        JsonNode live = null;
        List<EnvironmentState.Copy> copies = new ArrayList<>();
        try (Connection connection = SourceSample.readOnly(server.withDatabase("postgres"));
                PreparedStatement query = connection.prepareStatement("select datname, shobj_description(oid,"
                        + " 'pg_database') from pg_database where datname = ? or datname like ? order by datname")) {
            query.setString(1, environment);
            query.setString(2, environment.replace("_", "\\_") + "\\_\\_%");
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    JsonNode marker = marker(row.getString(2));
                    if (marker == null || !environment.equals(marker.path("environment").asText())) {
                        continue;
                    }
                    if (row.getString(1).equals(environment)) {
                        live = marker;
                    }
                    copies.add(new EnvironmentState.Copy(row.getString(1), marker.path("role").asText(),
                            text(marker, "cloneId"), instant(marker.path("createdAt")), instant(marker.path("keptUntil"))));
                }
            }
            connection.rollback();
        }
        if (live == null) {
            live = insideOneDatabase(server, environment, copies);
        }
        if (live == null) {
            return Optional.empty();
        }
        List<String> scenarios = new ArrayList<>();
        live.path("scenarios").forEach(scenario -> scenarios.add(scenario.path("name").asText()));
        return Optional.of(new EnvironmentState(environment, text(live, "type"), text(live, "cloneId"),
                instant(live.path("createdAt")), scenarios, copies));
    }

    /**
     * An environment whose copies are schemas inside its one database: the validator keeps its markers as rows of
     * {@code envclone_environment.copy} there. The live marker, with every copy added to {@code copies}; null when
     * the database does not exist or holds no environment of envclone's.
     */
    private static JsonNode insideOneDatabase(DatabaseUrl server, String environment, List<EnvironmentState.Copy> copies)
            throws SQLException {
        if (!server.databaseExists(environment)) {
            return null;
        }
        JsonNode live = null;
        try (Connection connection = SourceSample.readOnly(server.withDatabase(environment))) {
            try (PreparedStatement query = connection.prepareStatement("select to_regclass('envclone_environment.copy')"
                    + " is not null"); ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    connection.rollback();
                    return null;
                }
            }
            try (PreparedStatement query = connection.prepareStatement("select role, marker, array_to_string(array(select s"
                    + " || case when role = 'live' then '' else '__' || role end from unnest(schemas) s), ', ')"
                    + " from envclone_environment.copy order by role desc"); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    JsonNode marker = marker(row.getString(2));
                    if (marker == null) {
                        continue;
                    }
                    live = row.getString(1).equals("live") ? marker : live;
                    copies.add(new EnvironmentState.Copy(environment + " (schemas " + row.getString(3) + ")",
                            marker.path("role").asText(), text(marker, "cloneId"),
                            instant(marker.path("createdAt")), instant(marker.path("keptUntil"))));
                }
            }
            connection.rollback();
        }
        return live;
    }

    private static JsonNode marker(String comment) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return null;
        }
        try {
            return JSON.readTree(comment.substring(PREFIX.length()));
        } catch (IOException notAMarker) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    /** The validator writes instants as seconds with their fraction; text is taken as it is. */
    private static String instant(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()).toString();
        }
        return value.isTextual() ? value.asText() : null;
    }
}
