package io.envclone.cli.demo;

import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.SQLException;

/** A real PostgreSQL started for this command on a free port; its data is deleted when it stops. */
final class EmbeddedDemoTarget implements DemoTarget {

    private final EmbeddedPostgresServer server;
    private final String database;

    private EmbeddedDemoTarget(EmbeddedPostgresServer server, String database) {
        this.server = server;
        this.database = database;
    }

    static EmbeddedDemoTarget start(String database) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            server.createDatabase(database);
            return new EmbeddedDemoTarget(server, database);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public Connection connect() throws SQLException {
        return server.connect(database);
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl(database) + "?user=" + EmbeddedPostgresServer.SUPERUSER;
    }

    @Override
    public String psqlCommand() {
        return "psql \"postgresql://" + EmbeddedPostgresServer.SUPERUSER + "@localhost:" + server.port() + "/"
                + database + "\"";
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public void close() {
        server.close();
    }
}
