package io.envclone.cli.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * A database as the command is given it: {@code postgresql://user@host:port/database}, the
 * password from an environment variable and never from the command line. Printed, it never
 * shows the password.
 */
public record DatabaseUrl(String user, String host, int port, String database, String password) {

    /**
     * Parses {@code url} ({@code --source}, {@code --target}: the option named in errors) and takes
     * the password from {@code passwordVariable} in {@code environment} ({@code PGPASSWORD} when null).
     */
    public static DatabaseUrl parse(String option, String url, String passwordVariable, Map<String, String> environment) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(option + " is missing: give postgresql://user@host:port/database");
        }
        String text = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a URL: give postgresql://user@host:port/database");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(option + " must start with postgresql://, e.g. postgresql://app@db:5432/app");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException(option + " holds a password: command lines are seen by every process"
                    + " on the machine; put it in PGPASSWORD or name a variable with " + option + "-password-env");
        }
        if (uri.getQuery() != null && uri.getQuery().contains("password")) {
            throw new IllegalArgumentException(option + " holds a password parameter: put it in PGPASSWORD or name a"
                    + " variable with " + option + "-password-env");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(option + " names no host: give postgresql://user@host:port/database");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException(option + " names no database: give postgresql://user@host:port/database");
        }
        String user = userInfo == null ? environment.getOrDefault("PGUSER", System.getProperty("user.name")) : userInfo;
        String variable = passwordVariable == null ? "PGPASSWORD" : passwordVariable;
        if (passwordVariable != null && !environment.containsKey(passwordVariable)) {
            throw new IllegalArgumentException(option + "-password-env names " + passwordVariable
                    + ", which is not set: export it (from your secret store) before running envclone");
        }
        String password = environment.getOrDefault(variable, "");
        return new DatabaseUrl(user, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, password);
    }

    /** A session to this database as its user; {@code settings} are further connection properties. */
    public java.sql.Connection connect(Map<String, String> settings) throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        settings.forEach(properties::setProperty);
        return java.sql.DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Whether {@code name} is a database on this server, read from its {@code postgres} database. */
    public boolean databaseExists(String name) throws java.sql.SQLException {
        try (java.sql.Connection maintenance = withDatabase("postgres").connect(Map.of());
                java.sql.PreparedStatement query = maintenance.prepareStatement(
                        "select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Whether {@code name}, a database on this server ({@link #databaseExists}), holds objects of its users' own:
     * an empty one (a DBA's {@code createdb}) is adopted as the environment, and replacing it needs no confirmation.
     */
    public boolean databaseHoldsObjects(String name) throws java.sql.SQLException {
        try (java.sql.Connection database = withDatabase(name).connect(Map.of())) {
            return !io.envclone.api.environment.DatabaseContents.userObjects(database, 1).isEmpty();
        }
    }

    /** The same server, another database on it. */
    public DatabaseUrl withDatabase(String other) {
        return new DatabaseUrl(user, host, port, other, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** As the services are given it. */
    public ServiceDatabase service() {
        return new ServiceDatabase(jdbcUrl(), user, password);
    }

    public boolean sameServer(DatabaseUrl other) {
        return port == other.port && normalHost(host).equals(normalHost(other.host));
    }

    private static String normalHost(String host) {
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("127.0.0.1") || lower.equals("::1") || lower.equals("[::1]") ? "localhost" : lower;
    }

    /** Safe to print: no password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
