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

    @Override
    public EnvironmentBuild.Prepared prepare(String type, String cloneId, List<String> preData, boolean replaceConfirmed)
            throws SQLException {
        try (Connection maintenance = connector.connect(maintenanceDatabase)) {
            return new EnvironmentBuild(new ServerDatabases(maintenance), connector).prepare(names, type, cloneId, preData,
                    replaceConfirmed);
        }
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
        try (Connection maintenance = connector.connect(maintenanceDatabase)) {
            new EnvironmentBuild(new ServerDatabases(maintenance), connector).finish(names, postData, sequences);
        }
    }

    @Override
    public boolean validateAndSwitch(Duration retention, Instant now, Validation validation) throws SQLException {
        try (Connection copy = connector.connect(names.build())) {
            if (!validation.passed(copy)) {
                return false;
            }
        }
        try (Connection maintenance = connector.connect(maintenanceDatabase)) {
            new EnvironmentSwitch(new ServerDatabases(maintenance)).switchOver(names, retention, now);
        }
        return true;
    }

    @Override
    public void discard() throws SQLException {
        try (Connection maintenance = connector.connect(maintenanceDatabase)) {
            new EnvironmentBuild(new ServerDatabases(maintenance), connector).discard(names);
        }
    }
}
