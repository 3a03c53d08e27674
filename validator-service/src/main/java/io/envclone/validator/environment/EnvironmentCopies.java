package io.envclone.validator.environment;

import io.envclone.api.source.SequenceValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A clone's way from an empty copy to the environment, whichever {@link EnvironmentLayout} the target
 * has: prepare the copy, land batches where it says, finish, validate and switch, or discard.
 */
public interface EnvironmentCopies {

    /** Judges a copy on a connection that sees it under the names it has once switched to. */
    @FunctionalInterface
    interface Validation {
        boolean passed(Connection copy) throws SQLException;
    }

    EnvironmentBuild.Prepared prepare(String type, String cloneId, List<String> preData, boolean replaceConfirmed)
            throws SQLException;

    /** The database the batches land in. */
    String landingDatabase();

    /** The schema a batch of the source's schema lands in. */
    UnaryOperator<String> landingSchema();

    void finish(List<String> postData, Map<String, SequenceValue> sequences) throws SQLException;

    /** Validates the copy and switches the environment to it when it passed; returns whether it did. */
    boolean validateAndSwitch(Duration retention, Instant now, Validation validation) throws SQLException;

    void discard() throws SQLException;

    /** The copies of an environment that are databases beside it on its server. */
    static EnvironmentCopies databases(DatabaseNames names, DatabaseConnector connector, String maintenanceDatabase) {
        return new EnvironmentCopies() {
            @Override
            public EnvironmentBuild.Prepared prepare(String type, String cloneId, List<String> preData,
                    boolean replaceConfirmed) throws SQLException {
                try (Connection maintenance = connector.connect(maintenanceDatabase)) {
                    return new EnvironmentBuild(new ServerDatabases(maintenance), connector).prepare(names, type, cloneId,
                            preData, replaceConfirmed);
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
        };
    }

    /** The copies of an environment that are schemas inside its one database ({@link OneDatabaseCopies}). */
    static EnvironmentCopies oneDatabase(DatabaseNames names, CopySchemas schemas, DatabaseConnector connector) {
        return new EnvironmentCopies() {
            private <T> T inDatabase(Work<T> work) throws SQLException {
                try (Connection database = connector.connect(names.live())) {
                    return work.run(new OneDatabaseCopies(database));
                }
            }

            @Override
            public EnvironmentBuild.Prepared prepare(String type, String cloneId, List<String> preData,
                    boolean replaceConfirmed) throws SQLException {
                return inDatabase(copies -> copies.prepare(names, schemas, type, cloneId, preData, replaceConfirmed));
            }

            @Override
            public String landingDatabase() {
                return names.live();
            }

            @Override
            public UnaryOperator<String> landingSchema() {
                return schema -> schemas.schemas().contains(schema) ? schema + DatabaseNames.BUILD : schema;
            }

            @Override
            public void finish(List<String> postData, Map<String, SequenceValue> sequences) throws SQLException {
                inDatabase(copies -> {
                    copies.finish(names, schemas, postData, sequences);
                    return null;
                });
            }

            @Override
            public boolean validateAndSwitch(Duration retention, Instant now, Validation validation) throws SQLException {
                return inDatabase(copies -> copies.switchValidated(names, retention, now, validation::passed));
            }

            @Override
            public void discard() throws SQLException {
                inDatabase(copies -> {
                    copies.discard(names);
                    return null;
                });
            }
        };
    }

    /** Work on the environment's database. */
    @FunctionalInterface
    interface Work<T> {
        T run(OneDatabaseCopies copies) throws SQLException;
    }
}
