package io.envclone.cli.clone;

import io.envclone.api.safety.Denial;
import io.envclone.api.safety.SafetyFacts;
import io.envclone.api.safety.SafetyFacts.RegisteredSource;
import io.envclone.api.safety.SafetyGuard;
import io.envclone.cli.local.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The safety guard's questions before anything is started or written: the operator's admission
 * webhook asks the very same ({@link SafetyGuard}). Locally the source is registered by being
 * named on the command line; the cloner still proves every session of it read-only.
 */
public final class Preflight {

    private Preflight() {
    }

    public static List<Denial> check(EnvironmentPlan plan, boolean environmentExists, Set<String> sensitiveColumns,
            boolean sameServerAllowed) {
        SafetyFacts facts = new SafetyFacts(List.of(new RegisteredSource(EnvironmentPlan.LOCAL_SOURCE,
                plan.source().host(), plan.source().port(), plan.source().database(), true)), Set.of(),
                environmentExists, sensitiveColumns, null, sameServerAllowed);
        return SafetyGuard.check(plan.cloneRequestSpec(), plan.environmentSpec(), facts);
    }

    /** Whether {@code database} exists on the server of {@code server}: read from its {@code postgres} database. */
    public static boolean exists(DatabaseUrl server, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password());
        try (Connection connection = DriverManager.getConnection(server.withDatabase("postgres").jdbcUrl(), properties);
                PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
