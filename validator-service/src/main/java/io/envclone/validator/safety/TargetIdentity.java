package io.envclone.validator.safety;

import io.envclone.api.source.ServerFingerprint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** A target's fingerprint, read over a connection to it as the cloner reads its source's. */
public final class TargetIdentity {

    private TargetIdentity() {
    }

    public static ServerFingerprint read(Connection connection, String host, int port) throws SQLException {
        Optional<String> systemIdentifier = Optional.empty();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true); // a refused pg_control_system() must not abort a transaction
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(ServerFingerprint.SYSTEM_IDENTIFIER_QUERY)) {
                systemIdentifier = row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            } catch (SQLException notPermitted) {
                // only superusers and granted roles may read it: the address and port stand in
            }
            try (ResultSet row = statement.executeQuery(ServerFingerprint.IDENTITY_QUERY)) {
                row.next();
                return new ServerFingerprint(systemIdentifier, host, port, Optional.ofNullable(row.getString(1)),
                        row.getString(2), row.getString(3));
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
