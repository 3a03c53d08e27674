package io.envclone.validator.api;

import io.envclone.api.source.ServerFingerprint;
import io.envclone.service.problem.InvalidRequestException;
import io.envclone.validator.app.KnownTargets;
import io.envclone.validator.app.ValidatorConfig;
import io.envclone.validator.app.WriteGuard;
import io.envclone.validator.environment.DatabaseNames;
import io.envclone.validator.environment.EnvironmentException;
import io.envclone.validator.environment.EnvironmentMarker;
import io.envclone.validator.environment.EnvironmentSwitch;
import io.envclone.validator.environment.OneDatabaseCopies;
import io.envclone.validator.environment.Resets;
import io.envclone.validator.environment.Scenario;
import io.envclone.validator.environment.Scenarios;
import io.envclone.validator.environment.ServerDatabases;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An environment's life after its clone: {@code reset} (full, data-only, or to the previous copy),
 * {@code rollback} to the copy a refresh replaced, training {@code scenarios}, {@code delete}, and
 * what it is now. Each write is judged and audited as a landing is; {@code target} may be left out
 * when this validator was given it since it started.
 */
@Path("/api/environments/{name}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentResource {

    /** {@code confirm}: the environment's name, since a reset or a rollback replaces what it holds. */
    public record Reset(Target target, String mode, String confirm, String requestedBy) {
    }

    public record Rollback(Target target, String retention, String confirm, String requestedBy) {
    }

    public record Delete(Target target, String confirm, String requestedBy) {
    }

    /** {@code anyType}: apply to an environment that is not of type training. */
    public record ApplyScenarios(Target target, List<ScenarioSpec> scenarios, boolean anyType, String requestedBy) {
    }

    public record ScenarioSpec(String name, String sql, Map<String, String> parameters) {
    }

    /** {@code schemas}: for a copy inside the environment's one database, the schemas it is made of (empty otherwise). */
    public record Copy(String database, String role, String cloneId, Instant createdAt, Instant keptUntil,
            List<String> schemas) {
    }

    /** What an environment is now: its type, clone, scenarios, and the copies kept beside it. */
    public record Description(String environment, String type, String cloneId, Instant createdAt,
            List<String> scenarios, List<Copy> copies) {
    }

    private final WriteGuard guard;
    private final KnownTargets known;
    private final ValidatorConfig config;

    EnvironmentResource(WriteGuard guard, KnownTargets known, ValidatorConfig config) {
        this.guard = guard;
        this.known = known;
        this.config = config;
    }

    @GET
    public Description describe(@PathParam("name") String name) {
        DatabaseNames names = LandResource.names(name, "name");
        Target target = known.find(name).map(KnownTargets.Known::target).orElseThrow(() -> new NotFoundException(
                "environment " + name + " is not known to this validator since it started: POST a target to it first"));
        try (Connection maintenance = target.connectFor(config.maintenanceDatabase(), "target")) {
            ServerDatabases server = new ServerDatabases(maintenance);
            var inside = insideOneDatabase(server, target, names);
            if (inside.isPresent()) {
                return describe(name, inside.get().stream().map(copy -> new Copy(name, copy.marker().role(),
                        copy.marker().cloneId(), copy.marker().createdAt(), copy.marker().keptUntil(), copy.schemas()))
                        .toList(), inside.get().stream().map(OneDatabaseCopies.Copy::marker)
                                .filter(marker -> marker.role().equals("live")).findFirst().orElseThrow());
            }
            EnvironmentMarker live = server.marker(names.live()).orElseThrow(() -> new NotFoundException(
                    "environment " + name + " does not exist on " + target));
            List<Copy> copies = new ArrayList<>();
            for (ServerDatabases.Marked database : server.marked()) {
                EnvironmentMarker marker = database.marker();
                if (name.equals(marker.environment())) {
                    copies.add(new Copy(database.database(), marker.role(), marker.cloneId(), marker.createdAt(),
                            marker.keptUntil(), List.of()));
                }
            }
            return describe(name, copies, live);
        } catch (SQLException e) {
            throw new IllegalStateException("the target's server could not be read: " + e.getMessage().split("\n")[0], e);
        }
    }

    private static Description describe(String name, List<Copy> copies, EnvironmentMarker live) {
        return new Description(name, live.type(), live.cloneId(), live.createdAt(),
                live.scenarios().stream().map(EnvironmentMarker.AppliedScenario::name).toList(), copies);
    }

    @POST
    @Path("/reset")
    public Description reset(@PathParam("name") String name, Reset request) {
        Reset body = request == null ? new Reset(null, null, null, null) : request;
        Resets.Mode mode = mode(body.mode());
        write(name, "reset (" + mode.name().toLowerCase(Locale.ROOT) + ")", body.target(), true, body.confirm(),
                body.requestedBy(), (names, target, server) -> {
                    notInsideOneDatabase(server, target, names, "a reset");
                    new Resets(server, target::connect).reset(names, mode);
                });
        return describe(name);
    }

    @POST
    @Path("/rollback")
    public Description rollback(@PathParam("name") String name, Rollback request) {
        Rollback body = request == null ? new Rollback(null, null, null, null) : request;
        Duration retention = body.retention() == null ? config.retention() : duration(body.retention());
        write(name, "rollback", body.target(), true, body.confirm(), body.requestedBy(), (names, target, server) -> {
            if (insideOneDatabase(server, target, names).isPresent()) {
                try (Connection database = target.connect(names.live())) {
                    new OneDatabaseCopies(database).rollback(names, retention, Instant.now());
                    return;
                }
            }
            new EnvironmentSwitch(server).rollback(names, retention, Instant.now());
        });
        return describe(name);
    }

    @POST
    @Path("/scenarios")
    public Description scenarios(@PathParam("name") String name, ApplyScenarios request) {
        if (request == null || request.scenarios() == null || request.scenarios().isEmpty()) {
            throw new InvalidRequestException("scenarios", "are missing: give at least one {name, sql, parameters}");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < request.scenarios().size(); i++) {
            ScenarioSpec spec = request.scenarios().get(i);
            try {
                Scenario scenario = new Scenario(spec.name(), spec.sql(), spec.parameters());
                scenario.rendered(); // a missing parameter is the request's fault, found before anything runs
                scenarios.add(scenario);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                throw new InvalidRequestException("scenarios[" + i + "]." + message.split(" ")[0],
                        message.substring(message.indexOf(' ') + 1));
            }
        }
        write(name, "apply scenarios " + scenarios.stream().map(Scenario::name).toList(), request.target(), false, null,
                request.requestedBy(), (names, target, server) -> {
                    notInsideOneDatabase(server, target, names, "a training scenario");
                    Scenarios applying = new Scenarios(server, target::connect);
                    for (Scenario scenario : scenarios) {
                        applying.apply(names, scenario, request.anyType());
                    }
                });
        return describe(name);
    }

    @POST
    @Path("/delete")
    public List<String> delete(@PathParam("name") String name, Delete request) {
        Delete body = request == null ? new Delete(null, null, null) : request;
        List<String> dropped = new ArrayList<>();
        write(name, "delete", body.target(), true, body.confirm(), body.requestedBy(), (names, target, server) ->
                dropped.addAll(new EnvironmentSwitch(server).delete(names)));
        return dropped;
    }

    /** The copies of an environment kept as schemas inside its one database; empty for one whose copies are databases. */
    private static java.util.Optional<List<OneDatabaseCopies.Copy>> insideOneDatabase(ServerDatabases server, Target target,
            DatabaseNames names) throws SQLException {
        if (server.marker(names.live()).isPresent() || !server.exists(names.live())) {
            return java.util.Optional.empty();
        }
        try (Connection database = target.connect(names.live())) {
            return OneDatabaseCopies.existing(database);
        }
    }

    private static void notInsideOneDatabase(ServerDatabases server, Target target, DatabaseNames names, String what)
            throws SQLException {
        if (insideOneDatabase(server, target, names).isPresent()) {
            throw new EnvironmentException(EnvironmentException.Kind.CONFLICT, "environment " + names.live() + " keeps its"
                    + " copies as schemas inside its one database, where " + what + " is not built yet (no pristine copy is"
                    + " kept there): clone it again for a fresh copy, or roll back to the previous one");
        }
    }

    private interface Operation {
        void run(DatabaseNames names, Target target, ServerDatabases server) throws SQLException;
    }

    private void write(String name, String action, Target given, boolean replaces, String confirm, String requestedBy,
            Operation operation) {
        DatabaseNames names = LandResource.names(name, "name");
        Target target = given != null ? Target.required(given, "target") : known.find(name)
                .map(KnownTargets.Known::target).orElseThrow(() -> new InvalidRequestException("target", "is missing:"
                        + " this validator has not been given environment " + name + "'s target since it started"));
        if (!target.database().equals(name)) {
            throw new InvalidRequestException("target.url", "names database " + target.database() + ", not the"
                    + " environment " + name + ": end it with /" + name);
        }
        List<ServerFingerprint> sources = known.find(name).map(KnownTargets.Known::sources).orElse(List.of());
        try (Connection maintenance = guard.allow(new WriteGuard.Write(action + " of environment " + name, target, name,
                sources, replaces, confirm, requestedBy))) {
            known.remember(name, target, sources);
            operation.run(names, target, new ServerDatabases(maintenance));
        } catch (SQLException e) {
            throw new IllegalStateException(action + " of " + name + " failed, the environment is as it was: "
                    + e.getMessage().split("\n")[0], e);
        }
    }

    private static Resets.Mode mode(String mode) {
        if (mode == null) {
            return Resets.Mode.FULL;
        }
        try {
            return Resets.Mode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mode", "must be full, data-only or previous, got " + mode);
        }
    }

    static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("retention", "must be an ISO-8601 duration such as P7D or PT12H, got " + text);
        }
    }
}
