package io.envclone.testing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The usual target is a database owned by an ordinary role, not a superuser. */
@ExtendWith(RealInfrastructureExtension.class)
class DemoDatabaseOwnerTest {

    private static final String DATABASE = "demo_owner_test";
    private static final String OWNER = "demo_owner";

    @Test
    void theDatabaseOwnerCanGenerateWithoutSuperuserRights(EmbeddedPostgresServer server) throws SQLException {
        server.dropDatabase(DATABASE);
        server.createDatabase(DATABASE);
        server.createLoginRole(OWNER, "owner-pw", DATABASE);
        try {
            // A DBA creates the cluster-wide application role once; the owner cannot create roles.
            try (Connection admin = server.connect(DATABASE); Statement statement = admin.createStatement()) {
                statement.execute("do $$ begin if not exists (select from pg_roles where rolname = 'loft_app') then"
                        + " create role loft_app nologin; end if; end $$");
            }
            Properties credentials = new Properties();
            credentials.setProperty("user", OWNER);
            credentials.setProperty("password", "owner-pw");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(DATABASE), credentials)) {
                DemoSummary summary = new DemoDatabaseGenerator().generate(connection, new DemoOptions(0.002, 3));
                assertThat(summary.tables()).allSatisfy(table -> assertThat(table.rows()).isPositive());
                try (Statement statement = connection.createStatement();
                        ResultSet owner = statement.executeQuery(
                                "select relowner::regrole::text from pg_class where oid = 'public.users'::regclass")) {
                    owner.next();
                    assertThat(owner.getString(1)).isEqualTo(OWNER);
                }
            }
        } finally {
            server.dropDatabase(DATABASE);
            try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
                statement.execute("drop role if exists " + OWNER);
            }
        }
    }
}
