package io.envclone.cli.demo;

import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.secret.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/** A PostgreSQL database the user names; the password comes from {@code PGPASSWORD}, never from the command line. */
final class ExternalDemoTarget implements DemoTarget {

    private final String url;
    private final Optional<String> user;
    private final Optional<Secret> password;

    ExternalDemoTarget(String url, Optional<String> user, Optional<Secret> password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--database-url must look like jdbc:postgresql://host:port/database"
                    + " (user name with --user, password in the PGPASSWORD environment variable), was "
                    + ConnectionUrls.redact(url));
        }
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty("user", name));
        password.ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String jdbcUrl() {
        return ConnectionUrls.redact(url);
    }

    @Override
    public String psqlCommand() {
        return "";
    }

    @Override
    public boolean ephemeral() {
        return false;
    }

    @Override
    public void close() {
        // the user's server is not ours to stop
    }
}
