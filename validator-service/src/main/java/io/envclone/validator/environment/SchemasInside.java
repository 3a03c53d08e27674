package io.envclone.validator.environment;

import io.envclone.api.source.SequenceValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** An environment's copies as schemas inside its one database ({@link OneDatabaseCopies}), each step in a session of its own. */
final class SchemasInside implements EnvironmentCopies {

    /** Work on the environment's database. */
    @FunctionalInterface
    private interface Work<T> {
        T run(OneDatabaseCopies copies) throws SQLException;
    }

    private final DatabaseNames names;
    private final CopySchemas schemas;
    private final DatabaseConnector connector;

    SchemasInside(DatabaseNames names, CopySchemas schemas, DatabaseConnector connector) {
        this.names = names;
        this.schemas = schemas;
        this.connector = connector;
    }

    private <T> T inDatabase(Work<T> work) throws SQLException {
        try (Connection database = connector.connect(names.live())) {
            return work.run(new OneDatabaseCopies(database));
        }
    }

    @Override
    public EnvironmentBuild.Prepared prepare(String type, String cloneId, List<String> preData, boolean replaceConfirmed)
            throws SQLException {
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
        return inDatabase(copies -> copies.switchValidated(names, retention, now, validation));
    }

    @Override
    public void discard() throws SQLException {
        inDatabase(copies -> {
            copies.discard(names);
            return null;
        });
    }
}
