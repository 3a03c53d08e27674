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
        return new DatabasesBeside(names, connector, maintenanceDatabase);
    }

    /** The copies of an environment that are schemas inside its one database ({@link OneDatabaseCopies}). */
    static EnvironmentCopies oneDatabase(DatabaseNames names, CopySchemas schemas, DatabaseConnector connector) {
        return new SchemasInside(names, schemas, connector);
    }
}
