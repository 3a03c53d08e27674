package io.envclone.validator.environment;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import io.envclone.validator.sql.Transactions;
import org.jboss.logging.Logger;

/**
 * Applies training scenarios to an environment, each in its own transaction (all of it or none),
 * and records them on the environment, so a full reset brings them back. A scenario is for a
 * {@code training} environment: on any other type it is refused unless the request insists.
 */
public final class Scenarios {

    private static final Logger LOG = Logger.getLogger(Scenarios.class);

    private final ServerDatabases server;
    private final DatabaseConnector connector;

    public Scenarios(ServerDatabases server, DatabaseConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public EnvironmentMarker apply(DatabaseNames names, Scenario scenario, boolean anyType) throws SQLException {
        EnvironmentMarker live = server.marker(names.live()).orElseThrow(() -> new EnvironmentException(
                EnvironmentException.Kind.NOT_FOUND, "environment " + names.live() + " does not exist: clone it first"));
        if (!io.envclone.api.crd.EnvironmentType.TRAINING.wireName().equals(live.type()) && !anyType) {
            throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "environment " + names.live() + " is of type "
                    + live.type() + ", and scenarios are for training environments: set \"anyType\": true to apply it"
                    + " anyway");
        }
        String sql = scenario.rendered();
        try (Connection environment = connector.connect(names.live())) {
            Transactions.all(environment, List.of(sql));
        }
        EnvironmentMarker recorded = live.withScenario(new EnvironmentMarker.AppliedScenario(scenario.name(),
                scenario.sql(), scenario.parameters(), Instant.now()));
        server.mark(names.live(), recorded);
        LOG.infof("scenario %s applied to %s", scenario.name(), names.live());
        return recorded;
    }

    /** Applies the recorded scenarios again, in order, in one transaction on {@code connection}. */
    static void reapply(Connection connection, List<EnvironmentMarker.AppliedScenario> applied) throws SQLException {
        Transactions.all(connection, applied.stream().map(scenario -> new Scenario(scenario.name(), scenario.sql(),
                scenario.parameters()).rendered()).toList());
    }
}
