package io.envclone.cloner.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.secret.Secret;
import io.envclone.api.source.ServerFingerprint;
import io.envclone.api.source.SourceReference;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The source is production: these prove, against a real server, that envclone's session cannot change it. */
@ExtendWith(RealInfrastructureExtension.class)
class ReadOnlySourceTest {

    private static final String DATABASE = "readonly_source";
    private static final String WRITER = "prod_app";
    private static final String PASSWORD = "pr0d-App-Secret";
    private static final String READ_ONLY_VIOLATION = "25006";

    private static RealInfrastructure infra;

    @BeforeAll
    static void productionWithARoleThatMayWrite(RealInfrastructure infrastructure) throws SQLException {
        infra = infrastructure;
        infra.postgres().dropDatabase(DATABASE);
        infra.postgres().createDatabase(DATABASE);
        try (Connection admin = infra.postgres().connect(DATABASE)) {
            new DemoDatabaseGenerator().generate(admin, DemoOptions.defaults());
        }
        infra.postgres().createLoginRole(WRITER, PASSWORD, DATABASE);
        try (Connection admin = infra.postgres().connect(DATABASE); Statement statement = admin.createStatement()) {
            // every privilege a real application role has: a refusal below can only come from read-only mode
            statement.execute("grant all on schema public to " + WRITER);
            statement.execute("grant all on all tables in schema public to " + WRITER);
            statement.execute("grant all on all sequences in schema public to " + WRITER);
            // a cloning role must see every row: Supabase's postgres role has BYPASSRLS too
            statement.execute("alter role " + WRITER + " bypassrls");
        }
    }

    private static SourceReference source(String password) {
        return new SourceReference(infra.networkJdbcUrl(DATABASE), WRITER, Secret.of(password));
    }

    @Test
    void theRoleCanWriteOutsideEnvclone() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", WRITER);
        credentials.setProperty("password", PASSWORD);
        try (Connection direct = DriverManager.getConnection(infra.networkJdbcUrl(DATABASE), credentials)) {
            direct.setAutoCommit(false);
            direct.createStatement().execute("create table public.write_probe (id int)");
            direct.rollback();
        }
    }

    @Test
    void theServerRefusesInsertCreateAndNextvalAndNothingChanges() throws Exception {
        long usersBefore = superuserLong("select count(*) from users");
        long sequenceBefore = superuserLong("select last_value from payments_id_seq");

        try (ReadOnlySource source = new ReadOnlySourceConnector().open(source(PASSWORD))) {
            assertRefused(source, "insert into users (email, full_name, first_name, last_name, phone, national_id,"
                    + " birth_date, address, city, postal_code, iban) values ('x@y.dz', 'X Y', 'X', 'Y', '0550 00 00 00',"
                    + " '000000000000000000', '1990-01-01', 'rue', 'Alger', '16000', 'DZ0000000000000000000000')");
            assertRefused(source, "create table public.envclone_was_here (id int)");
            assertRefused(source, "select nextval('payments_id_seq')");
            assertRefused(source, "update users set full_name = 'changed' where id = 1");
            // and reading still works in the same session after the refusals
            long users = source.read(connection -> {
                try (ResultSet row = connection.createStatement().executeQuery("select count(*) from users")) {
                    row.next();
                    return row.getLong(1);
                }
            });
            assertThat(users).isEqualTo(usersBefore);
        }

        assertThat(superuserLong("select count(*) from users")).isEqualTo(usersBefore);
        assertThat(superuserLong("select count(*) from pg_class where relname = 'envclone_was_here'")).isZero();
        assertThat(superuserLong("select last_value from payments_id_seq")).isEqualTo(sequenceBefore);
        assertThat(superuserLong("select count(*) from users where full_name = 'changed'")).isZero();
    }

    @Test
    void aSessionThatCouldWriteIsRefusedBeforeAnyWorkRuns() throws Exception {
        try (ReadOnlySource source = new ReadOnlySourceConnector().open(source(PASSWORD))) {
            // what a transaction pooler that drops session settings would leave behind
            Connection raw = source.connectionForTests();
            raw.setReadOnly(false);
            raw.createStatement().execute("set default_transaction_read_only = off");
            raw.createStatement().execute("set session characteristics as transaction read write");
            raw.commit();

            AtomicBoolean ran = new AtomicBoolean();
            assertThatThrownBy(() -> source.read(connection -> {
                ran.set(true);
                return connection.createStatement().execute("create table public.must_not_exist (id int)");
            }))
                    .isInstanceOf(SourceAccessException.class)
                    .hasMessageContaining("could write")
                    .satisfies(e -> assertThat(((SourceAccessException) e).reason())
                            .isEqualTo(SourceAccessException.Reason.NOT_READ_ONLY));
            assertThat(ran).isFalse();
        }
        assertThat(superuserLong("select count(*) from pg_class where relname = 'must_not_exist'")).isZero();
    }

    @Test
    void theFingerprintIdentifiesTheClusterAndFallsBackWhereItsIdentifierIsHidden() throws Exception {
        String systemIdentifier = Long.toString(superuserLong("select system_identifier from pg_control_system()"));
        ServerFingerprint withIdentifier = fingerprint();
        assertThat(withIdentifier.systemIdentifier()).contains(systemIdentifier);
        assertThat(withIdentifier.database()).isEqualTo(DATABASE);
        assertThat(withIdentifier.port()).isEqualTo(infra.postgresNetwork().port());
        assertThat(withIdentifier.serverVersion()).startsWith("17");

        // some managed servers hide pg_control_system(): the rest of the fingerprint must stand in
        superuserExecute("revoke execute on function pg_control_system() from public");
        try {
            ServerFingerprint withoutIdentifier = fingerprint();
            assertThat(withoutIdentifier.systemIdentifier()).isEmpty();
            assertThat(withoutIdentifier.serverAddress()).isPresent();
            assertThat(withoutIdentifier.sameDatabaseAs(withIdentifier)).isTrue();
        } finally {
            superuserExecute("grant execute on function pg_control_system() to public");
        }
    }

    @Test
    void rowLevelSecurityNeverSilentlyHidesRows() throws Exception {
        infra.postgres().createLoginRole("prod_limited", "l1mited", "postgres");
        superuserExecute("grant select on all tables in schema public to prod_limited");
        try (ReadOnlySource source = new ReadOnlySourceConnector().open(
                new SourceReference(infra.networkJdbcUrl(DATABASE), "prod_limited", Secret.of("l1mited")))) {
            assertThatThrownBy(() -> source.read(connection -> connection.createStatement().executeQuery(
                    "select count(*) from users")))
                    .isInstanceOf(SourceAccessException.class)
                    .hasMessageContaining("BYPASSRLS")
                    .satisfies(e -> assertThat(((SourceAccessException) e).reason())
                            .isEqualTo(SourceAccessException.Reason.ROW_LEVEL_SECURITY));
        }
    }

    private static ServerFingerprint fingerprint() throws SourceAccessException {
        try (ReadOnlySource source = new ReadOnlySourceConnector().open(source(PASSWORD))) {
            return source.fingerprint();
        }
    }

    private static void superuserExecute(String sql) throws SQLException {
        try (Connection admin = infra.postgres().connect(DATABASE)) {
            admin.createStatement().execute(sql);
        }
    }

    @Test
    void aWrongPasswordIsNamedAsSuchWithoutEchoingIt() {
        assertThatThrownBy(() -> new ReadOnlySourceConnector().open(source("not-the-password")))
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("refused user " + WRITER)
                .hasMessageContaining("check the user and password")
                .hasMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(((SourceAccessException) e).reason())
                        .isEqualTo(SourceAccessException.Reason.AUTHENTICATION));
    }

    @Test
    void anUnreachableSourceIsNamedAsSuch() {
        infra.postgresNetwork().cut();
        assertThatThrownBy(() -> new ReadOnlySourceConnector().open(source(PASSWORD)))
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("unreachable")
                .satisfies(e -> assertThat(((SourceAccessException) e).reason())
                        .isEqualTo(SourceAccessException.Reason.UNREACHABLE));
    }

    private static void assertRefused(ReadOnlySource source, String sql) {
        assertThatThrownBy(() -> source.read(connection -> connection.createStatement().execute(sql)))
                .as(sql)
                .isInstanceOf(SourceAccessException.class)
                .hasRootCauseInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo(READ_ONLY_VIOLATION));
    }

    private static long superuserLong(String sql) throws SQLException {
        try (Connection admin = infra.postgres().connect(DATABASE);
                ResultSet row = admin.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
