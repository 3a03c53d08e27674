package io.envclone.testing.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A real PostgreSQL server (zonky embedded binaries, taken from Maven, nothing downloaded at
 * run time) on a free loopback port.
 *
 * <p>The superuser {@code postgres} connects without a password, as zonky needs; every other
 * role must give its password over TCP ({@code scram-sha-256}), so a service configured with
 * a wrong or missing password fails as it would against a real server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("max_prepared_transactions", "20")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("shared_buffers", "256MB")
                    .setDataDirectoryCustomizer(EmbeddedPostgresServer::requirePasswords)
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static void requirePasswords(File dataDirectory) {
        String hba = String.join("\n",
                "local all all trust",
                "host all " + SUPERUSER + " 127.0.0.1/32 trust",
                "host all " + SUPERUSER + " ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return "localhost";
    }

    /** JDBC URL of {@code database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** A superuser connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates {@code name} if it does not exist yet; returns its JDBC URL. */
    public String createDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + name.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute("create database " + quoteIdentifier(name));
            }
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Drops {@code name}, disconnecting its sessions first. */
    public void dropDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + quoteIdentifier(name) + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    /** The names of the server's databases. */
    public java.util.List<String> databases() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select datname from pg_database order by 1")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the databases", e);
        }
    }

    /** Creates (or resets the password of) a login role that owns {@code database}. */
    public void createLoginRole(String role, String password, String database) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "select 1 from pg_roles where rolname = '" + role.replace("'", "''") + "'");
            String verb = exists.next() ? "alter" : "create";
            statement.execute(verb + " role " + quoteIdentifier(role) + " login password '"
                    + password.replace("'", "''") + "'");
            statement.execute("alter database " + quoteIdentifier(database) + " owner to " + quoteIdentifier(role));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + role, e);
        }
    }

    public static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
