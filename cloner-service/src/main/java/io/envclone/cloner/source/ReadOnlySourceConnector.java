package io.envclone.cloner.source;

import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.source.SourceReference;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Opens sessions on a production source that cannot write, and proves it: the server is told
 * at connection time ({@code default_transaction_read_only}), the session is set read-only,
 * every transaction begins {@code READ ONLY}, and {@link ReadOnlySource} checks the server's
 * answer before each one and refuses to go on when it could write.
 */
public final class ReadOnlySourceConnector {

    private static final Logger LOG = Logger.getLogger(ReadOnlySourceConnector.class);

    public ReadOnlySource open(SourceReference source) throws SourceAccessException {
        Properties properties = new Properties();
        properties.setProperty("user", source.user());
        properties.setProperty("password", source.password().reveal());
        // Asked of the server at startup; poolers may drop it, which is why it is checked, not trusted.
        // row_security=off: a role that RLS would filter gets an error, never a silently partial copy (as pg_dump does)
        properties.setProperty("options", "-c default_transaction_read_only=on -c row_security=off");
        properties.setProperty("readOnly", "true");
        properties.setProperty("readOnlyMode", "always");
        properties.setProperty("ApplicationName", "envclone-cloner");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "15");
        Connection connection;
        try {
            connection = DriverManager.getConnection(source.url(), properties);
        } catch (SQLException e) {
            throw SourceErrors.onConnect(source, e);
        }
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (var statement = connection.createStatement()) {
                statement.execute("set session characteristics as transaction read only");
                statement.execute("set row_security = off");
            }
            connection.commit();
            ReadOnlySource session = new ReadOnlySource(connection, source);
            LOG.infof("source session opened on %s as %s; read-only required on every transaction",
                    ConnectionUrls.redact(source.url()), source.user());
            return session;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SourceErrors.during("preparing the read-only session", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
