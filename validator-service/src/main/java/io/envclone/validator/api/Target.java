package io.envclone.validator.api;

import io.envclone.api.secret.ConnectionUrls;
import io.envclone.service.problem.InvalidRequestException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A target as a request names it: {@code url} is {@code jdbc:postgresql://host:port/<environment>}
 * (the database applications will use), {@code user} a role that may create databases there,
 * {@code password} its password, used and never returned, stored or logged.
 */
public record Target(String url, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    /** The request's target, checked; {@code field} is where it sits in the request. */
    public static Target required(Target target, String field) {
        if (target == null || target.url() == null || !target.url().startsWith(PREFIX)) {
            throw new InvalidRequestException(field + ".url", "must look like jdbc:postgresql://host:port/environment");
        }
        if (target.database().isEmpty()) {
            throw new InvalidRequestException(field + ".url", "names no database: end it with /<environment name>");
        }
        return target;
    }

    private URI address() {
        String rest = url.substring("jdbc:".length());
        int query = rest.indexOf('?');
        return URI.create(query < 0 ? rest : rest.substring(0, query));
    }

    public String host() {
        return address().getHost();
    }

    public int port() {
        return address().getPort() < 0 ? 5432 : address().getPort();
    }

    /** The database the URL names: the environment's. */
    public String database() {
        String path = address().getPath();
        return path == null ? "" : path.replaceFirst("^/", "");
    }

    /** The same server and options, another database of it. */
    public String urlOf(String otherDatabase) {
        int query = url.indexOf('?');
        String options = query < 0 ? "" : url.substring(query);
        return PREFIX + address().getRawAuthority() + "/" + otherDatabase + options;
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user == null ? "" : user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("ApplicationName", "envclone-validator");
        return DriverManager.getConnection(urlOf(database), properties);
    }

    /** A connection for a request: an unreachable server is the request's fault, said without the password. */
    public Connection connectFor(String database, String field) {
        try {
            return connect(database);
        } catch (SQLException e) {
            throw new InvalidRequestException(field, "cannot be reached at " + ConnectionUrls.redact(urlOf(database)) + ": "
                    + e.getMessage().split("\n")[0]);
        }
    }

    @Override
    public String toString() {
        return "Target[url=" + ConnectionUrls.redact(url) + ", user=" + user + "]";
    }
}
