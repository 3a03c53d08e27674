package io.envclone.validator.environment;

import io.envclone.api.source.SequenceValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An environment's copies as databases beside it: built in {@code <env>__build}, switched by database renames. */
final class DatabasesBeside implements EnvironmentCopies {

    private final DatabaseNames names;
    private final DatabaseConnector connector;
    private final String maintenanceDatabase;

    DatabasesBeside(DatabaseNames names, DatabaseConnector connector, String maintenanceDatabase) {
        this.names = names;
        this.connector = connector;
        this.maintenanceDatabase = maintenanceDatabase;
    }

    /** Work on the server's databases, over a maintenance session of its own. */
    @FunctionalInterface
    private interface Work<T> {
        T run(ServerDatabases server) throws SQLException;
    }

    private <T> T onServer(Work<T> work) throws SQLException {
        try (Connection maintenance = connector.connect(maintenanceDatabase)) {
            return work.run(new ServerDatabases(maintenance));
        }
    }

    @Override
    public EnvironmentBuild.Prepared prepare(String type, String cloneId, List<String> preData, boolean replaceConfirmed)
            throws SQLException {
        return onServer(server -> new EnvironmentBuild(server, connector).prepare(names, type, cloneId, preData,
                replaceConfirmed));
    }

    @Override
    public String landingDatabase() {
        return names.build();
    }

    @Override
    public UnaryOperator<String> landingSchema() {
        return UnaryOperator.identity();
    }

    @Override
    public void finish(List<String> postData, Map<String, SequenceValue> sequences) throws SQLException {
        onServer(server -> {
            new EnvironmentBuild(server, connector).finish(names, postData, sequences);
            return null;
        });
    }

    @Override
    public boolean validateAndSwitch(Duration retention, Instant now, Validation validation) throws SQLException {
        try (Connection copy = connector.connect(names.build())) {
            if (!validation.passed(copy)) {
                return false;
            }
        }
        onServer(server -> {
            new EnvironmentSwitch(server).switchOver(names, retention, now);
            return null;
        });
        return true;
    }

    @Override
    public void discard() throws SQLException {
        onServer(server -> {
            new EnvironmentBuild(server, connector).discard(names);
            return null;
        });
    }
}
