package io.envclone.testing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructureExtension.class)
class DemoDatabaseMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void generatesIntoTheGivenDatabaseWithoutPrintingThePassword(EmbeddedPostgresServer server) {
        String database = "demo_main_test";
        server.dropDatabase(database);
        String url = server.createDatabase(database);
        try {
            // The superuser is trusted over TCP, so the password is accepted and ignored.
            int status = run(Map.of("PGPASSWORD", "env-secret"), "--url", url + "?ApplicationName=demo&password=url-secret",
                    "--user", EmbeddedPostgresServer.SUPERUSER, "--password", "s3cret-pw", "--scale", "0.001",
                    "--seed", "5");
            assertThat(status).as(text(err)).isZero();
            assertThat(text(out)).contains("scale 0.001, seed 5", "public.users", "total", "MB")
                    .doesNotContain("s3cret-pw", "env-secret", "url-secret");
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void badArgumentsPrintTheUsage() {
        assertThat(run(Map.of(), "--scale", "0", "--url", "jdbc:postgresql://localhost/x")).isEqualTo(2);
        assertThat(text(err)).contains("scale must be > 0").contains("usage: DemoDatabaseMain --url");
        assertThat(run(Map.of(), "--seed", "abc", "--url", "jdbc:postgresql://localhost/x")).isEqualTo(2);
        assertThat(run(Map.of(), "--scale", "1")).isEqualTo(2);
        assertThat(run(Map.of(), "--url")).isEqualTo(2);
        assertThat(run(Map.of(), "--colour", "blue")).isEqualTo(2);
        assertThat(text(err)).contains("--seed must be a number", "--url jdbc:postgresql://... is required",
                "missing value after --url", "unknown option --colour");
    }

    @Test
    void aPasswordFromTheEnvironmentIsUsedAndHidden() {
        DemoDatabaseMain.Arguments arguments = DemoDatabaseMain.Arguments.parse(
                new String[] {"--url", "jdbc:postgresql://db:5432/prod?password=x"}, Map.of("PGPASSWORD", "from-env"));
        assertThat(arguments.password()).isEqualTo("from-env");
        assertThat(arguments.options()).isEqualTo(DemoOptions.defaults());
        assertThat(arguments.toString()).doesNotContain("from-env", "password=x");
    }

    private int run(Map<String, String> env, String... args) {
        return DemoDatabaseMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
