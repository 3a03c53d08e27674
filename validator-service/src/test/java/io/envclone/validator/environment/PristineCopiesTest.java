package io.envclone.validator.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.demo.DemoDatabaseGenerator;
import io.envclone.testing.demo.DemoOptions;
import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A training environment, changed by a session, reset to its pristine copy on the server, twice. */
@ExtendWith(RealInfrastructureExtension.class)
class PristineCopiesTest {

    private static final String STATE = "select (select count(*) from public.users) || '/' || (select count(*) from public.messages)"
            + " || '/' || (select md5(string_agg(email::text, ',' order by id)) from public.users)";

    @Test
    void aResetBringsBackThePristineStateAfterRowsWereChangedAndDeleted(RealInfrastructure infra) throws Exception {
        EmbeddedPostgresServer server = infra.postgres();
        for (String database : new String[] {"training_1", "training_1__pristine", "training_1__incoming"}) {
            server.dropDatabase(database);
        }
        server.createDatabase("training_1");
        try (Connection environment = server.connect("training_1")) {
            new DemoDatabaseGenerator().generate(environment, DemoOptions.defaults());
        }
        String pristineState = state(server);
        try (Connection maintenance = server.connect("postgres")) {
            PristineCopies copies = new PristineCopies(maintenance);
            assertThatThrownBy(() -> copies.reset("training_1")).hasMessageContaining("has no pristine copy");
            copies.keep("training_1");
            assertThat(copies.hasPristine("training_1")).isTrue();

            for (int session = 1; session <= 2; session++) {
                try (Connection trainee = server.connect("training_1"); Statement sql = trainee.createStatement()) {
                    sql.execute("update public.users set email = 'changed-' || id || '@training.local' where id % 3 = 0");
                    sql.execute("delete from public.messages where id % 2 = 0");
                }
                assertThat(state(server)).isNotEqualTo(pristineState);
                long started = System.nanoTime();
                copies.reset("training_1"); // ends the sessions still open on it
                System.out.printf("reset of the demo training environment: %d ms%n", (System.nanoTime() - started) / 1_000_000);
                assertThat(state(server)).as("after session %d", session).isEqualTo(pristineState);
            }
        }
        assertThatThrownBy(() -> PristineCopies.named("e".repeat(60), PristineCopies.PRISTINE))
                .hasMessageContaining("use at most 53 characters");
    }

    private static String state(EmbeddedPostgresServer server) throws Exception {
        try (Connection connection = server.connect("training_1"); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(STATE)) {
            row.next();
            return row.getString(1);
        }
    }
}
