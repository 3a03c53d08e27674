package io.envclone.service.database;

import io.envclone.api.secret.Secret;
import io.envclone.service.config.ControlDatabaseConfig;
import io.vertx.pgclient.PgConnectOptions;
import java.util.Optional;

/**
 * Resolved connection settings of the control database: the URL parsed, explicit user name
 * and password applied over the URL's, the password kept as a {@link Secret}.
 */
public record ControlDatabaseSettings(String host, int port, String database, String user, Secret password, int poolSize) {

    static final String URL_PROPERTY = "envclone.control-database.url";

    public static ControlDatabaseSettings from(ControlDatabaseConfig config) {
        String url = config.url().filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                URL_PROPERTY + " is not set: give the control database as jdbc:postgresql://host:port/database"));
        PgConnectOptions options;
        try {
            options = PgConnectOptions.fromUri(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        } catch (RuntimeException e) {
            // the parser's message may quote the URL, password included: do not pass it on
            throw new IllegalArgumentException(URL_PROPERTY
                    + " is not a PostgreSQL URL: expected jdbc:postgresql://host:port/database");
        }
        String user = config.username().filter(value -> !value.isBlank()).orElse(options.getUser());
        String password = config.password().orElse(Optional.ofNullable(options.getPassword()).orElse(""));
        return new ControlDatabaseSettings(options.getHost(), options.getPort(), options.getDatabase(), user,
                Secret.of(password), config.poolSize());
    }

    public PgConnectOptions connectOptions() {
        return new PgConnectOptions()
                .setHost(host)
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password.reveal())
                .setConnectTimeout(5_000);
    }

    /** Where the database is, safe to log: no password. */
    public String describe() {
        return "postgresql://" + host + ":" + port + "/" + database + " as " + user;
    }
}
