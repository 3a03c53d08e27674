package io.envclone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructureExtension.class)
class GenerateDemoCommandTest {

    private static final String PASSWORD = "demo-Owner-s3cret";

    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run envclone(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EnvcloneCli.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void demoStartsItsOwnPostgresAndReportsTheDatabaseAsJson() throws Exception {
        Run run = envclone(Map.of(), "generate-demo", "--scale", "0.01", "--no-keep-running", "--output", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.DONE);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("status").asText()).isEqualTo("generated");
        assertThat(report.get("tables").get("public.users").asLong()).isPositive();
        assertThat(report.get("tables").size()).isEqualTo(9);
        assertThat(report.get("totalRows").asLong()).isGreaterThan(9_000);
        assertThat(report.get("psql").asText()).startsWith("psql \"postgresql://postgres@localhost:");
        assertThat(run.err()).contains("==> Starting PostgreSQL", "==> Generating the demo production database");
    }

    @Test
    void demoFillsANamedDatabaseWithThePasswordFromTheEnvironmentAndNeverPrintsIt(RealInfrastructure infra)
            throws Exception {
        infra.postgres().dropDatabase("demo_cli_target");
        infra.postgres().createDatabase("demo_cli_target");
        infra.postgres().createLoginRole("demo_cli_owner", PASSWORD, "demo_cli_target");
        String url = infra.networkJdbcUrl("demo_cli_target");
        // roles are cluster-wide: an ordinary owner cannot create the demo's application role itself
        try (Connection admin = infra.postgres().connect("postgres")) {
            admin.createStatement().execute("do $$ begin if not exists (select from pg_roles where rolname = 'loft_app')"
                    + " then create role loft_app nologin; end if; end $$");
        }

        Run run = envclone(Map.of("PGPASSWORD", PASSWORD),
                "generate-demo", "--database-url", url, "--user", "demo_cli_owner", "--scale", "0.01");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.DONE);
        assertThat(run.out()).contains("public.users", "total", "JDBC: " + url);
        assertThat(run.all()).doesNotContain(PASSWORD);
        try (Connection connection = DriverManager.getConnection(url, credentials())) {
            ResultSet users = connection.createStatement().executeQuery("select count(*) from users");
            users.next();
            assertThat(users.getLong(1)).isPositive();
        }

        Run again = envclone(Map.of("PGPASSWORD", PASSWORD),
                "generate-demo", "--database-url", url, "--user", "demo_cli_owner", "--scale", "0.01");
        assertThat(again.status()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("already holds a demo database");
    }

    @Test
    void aScaleOutOfRangeIsBadUsageNamingTheOption() {
        Run run = envclone(Map.of(), "generate-demo", "--scale", "0");

        assertThat(run.status()).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(run.err()).contains("--scale must be > 0");
    }

    @Test
    void aDatabaseUrlThatIsNotJdbcPostgresIsBadUsageAndIsNotEchoedWithItsPassword() {
        Run run = envclone(Map.of(), "generate-demo", "--database-url", "postgresql://app:hunter2@db:5432/lofts");

        assertThat(run.status()).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(run.err()).contains("--database-url must look like jdbc:postgresql://host:port/database")
                .doesNotContain("hunter2");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run run = envclone(Map.of(), "--help");

        assertThat(run.status()).isEqualTo(ExitCode.DONE);
        assertThat(run.out()).contains("demo", "Exit codes:", "3", "refused by a safety check");
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", "demo_cli_owner");
        properties.setProperty("password", PASSWORD);
        return properties;
    }
}
