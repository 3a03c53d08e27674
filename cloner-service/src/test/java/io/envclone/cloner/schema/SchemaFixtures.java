package io.envclone.cloner.schema;

import io.envclone.api.schema.SchemaSelection;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Analysing a database and applying DDL to one, as the schema tests do again and again. */
final class SchemaFixtures {

    private SchemaFixtures() {
    }

    /** Every schema of {@code database}, read through a proven read-only session. */
    static SchemaModel analyze(RealInfrastructure infra, String database) throws Exception {
        SourceReference reference = new SourceReference(infra.postgres().jdbcUrl(database),
                EmbeddedPostgresServer.SUPERUSER, Secret.of(""));
        try (ReadOnlySource source = new ReadOnlySourceConnector().open(reference)) {
            return new SchemaAnalyzer().analyze(source, SchemaSelection.everything());
        }
    }

    /** Runs the statements in one transaction; a failure names the statement. */
    static void apply(Connection target, List<String> statements) throws SQLException {
        target.setAutoCommit(false);
        try (Statement statement = target.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\n  in: " + sql, e.getSQLState(), e);
                }
            }
        }
        target.commit();
    }
}
