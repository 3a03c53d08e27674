package io.envclone.cli.commands;

import static io.envclone.cli.commands.CommandFixture.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.api.crd.CloneRequestStatus;
import io.envclone.cli.ExitCode;
import io.envclone.cli.commands.CommandFixture.Run;
import io.envclone.cli.local.CloneRecord;
import io.envclone.cli.local.StateDirectory;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment's life after its clone, through the commands: status (from a validator that knows
 * it, and from the server's markers when none does), switch (the app pointed at it, never at
 * production), rollback to the copy a second clone replaced, and delete with its copies.
 */
@ExtendWith(RealInfrastructureExtension.class)
class EnvironmentLifecycleTest {

    private static final String LIVE = "ops-live";
    private static final String TWICE = "ops-twice";
    private static final String GONE = "ops-gone";
    private static final String FOREIGN = "ops_not_envclones";

    private static CommandFixture fixture;
    private static String liveClone;

    @TempDir
    Path files;

    @BeforeAll
    static void environments(RealInfrastructure infra) throws Exception {
        fixture = CommandFixture.shared(infra);
        for (String environment : new String[] {LIVE, TWICE, GONE}) {
            fixture.dropEnvironment(environment);
        }
        liveClone = fixture.cloned(LIVE);
        fixture.server.dropDatabase(FOREIGN);
        fixture.server.createDatabase(FOREIGN);
    }

    @Test
    void statusShowsTheCloneItHoldsAndThePristineCopyResetsStartFrom() throws Exception {
        Run run = fixture.envclone("status", LIVE, "--target", fixture.url("postgres"));
        Run validator = fixture.envclone("status", LIVE, "--target", fixture.url("postgres"), "--output", "json");
        // no service URL: nothing is started, the markers on the server are read
        Run alone = fixture.envcloneAlone("status", "--target", fixture.url(LIVE), "--output", "json");

        assertThat(run.status()).as(run.all()).isEqualTo(ExitCode.DONE);
        assertThat(run.out()).contains(LIVE + ": test environment, clone " + liveClone, LIVE + "__pristine",
                "envclone reset starts from it");
        assertThat(alone.status()).as(alone.all()).isEqualTo(ExitCode.DONE);
        JsonNode status = alone.json();
        assertThat(status.get("exists").asBoolean()).isTrue();
        assertThat(status.at("/state/cloneId").asText()).isEqualTo(liveClone);
        assertThat(status.at("/state/type").asText()).isEqualTo("test");
        assertThat(status.get("state").get("copies").findValuesAsText("database")).contains(LIVE + "__pristine");
        assertThat(status.get("cloneInFlight").isNull()).isTrue();
        assertThat(status.get("state")).as("the markers read as the validator describes them")
                .isEqualTo(validator.json().get("state"));
    }

    @Test
    void statusSaysAnInterruptedCloneWillResume() {
        StateDirectory state = new StateDirectory(fixture.state);
        state.save(new CloneRecord("ops-interrupted-1", "ops-interrupted", "k", "f", "2026-01-01T00:00:00Z",
                CloneRequestStatus.initial()));
        try {
            Run run = fixture.envcloneAlone("status", "ops-interrupted", "--target", fixture.url("postgres"));

            assertThat(run.status()).as(run.all()).isEqualTo(ExitCode.DONE);
            assertThat(run.out()).contains("is not an environment envclone made", "ops-interrupted-1",
                    "it will resume on the next envclone clone");
        } finally {
            state.forget("ops-interrupted");
        }
    }

    @Test
    void switchWritesTheEnvironmentsConnectionWithoutAPasswordAndKeepsTheOtherLines() throws Exception {
        Path env = files.resolve(".env");
        Files.writeString(env, "FEATURE_FLAGS=beta\nDATABASE_URL=postgresql://app@prod.example:5432/lofts\n# a comment\n");

        Run run = fixture.envclone("switch", LIVE, "--target", fixture.url("postgres"), "--env-file", env.toString(),
                "--source", fixture.url(SOURCE));

        assertThat(run.status()).as(run.all()).isEqualTo(ExitCode.DONE);
        assertThat(run.out()).contains(LIVE + " (clone " + liveClone + ") is now the active environment");
        List<String> lines = Files.readAllLines(env);
        assertThat(lines).containsExactly("FEATURE_FLAGS=beta", "DATABASE_URL=" + fixture.url(LIVE), "# a comment",
                "PGHOST=localhost", "PGPORT=" + fixture.server.port(), "PGDATABASE=" + LIVE, "PGUSER=postgres",
                "ENVCLONE_ENVIRONMENT=" + LIVE);
        assertThat(Files.readString(env)).doesNotContain(CommandFixture.PASSWORD).doesNotContain("PGPASSWORD");
    }

    @Test
    void switchRefusesTheSourceAndADatabaseEnvcloneDidNotMakeAndWritesNothing() {
        Path env = files.resolve(".env");

        Run source = fixture.envcloneAlone("switch", SOURCE, "--target", fixture.url("postgres"), "--source",
                fixture.url(SOURCE), "--env-file", env.toString());
        Run foreign = fixture.envclone("switch", FOREIGN, "--target", fixture.url("postgres"), "--env-file",
                env.toString());

        assertThat(source.status()).isEqualTo(ExitCode.REFUSED);
        assertThat(source.err()).contains("is the --source database", "production can never be switched to");
        assertThat(foreign.status()).isEqualTo(ExitCode.REFUSED);
        assertThat(foreign.err()).contains(FOREIGN, "is not an environment envclone made");
        assertThat(env).doesNotExist();
    }

    @Test
    void rollbackMakesTheCopyTheSecondCloneReplacedLiveAgain() throws Exception {
        String first = fixture.cloned(TWICE);
        String second = fixture.cloned(TWICE);
        Run before = fixture.envclone("status", TWICE, "--target", fixture.url("postgres"), "--output", "json");
        assertThat(before.json().at("/state/cloneId").asText()).isEqualTo(second);
        assertThat(before.out()).contains(TWICE + "__previous");

        Run unconfirmed = fixture.envclone("rollback", TWICE, "--target", fixture.url("postgres"));
        Run rollback = fixture.envclone("rollback", TWICE, "--target", fixture.url("postgres"), "--yes");
        Run after = fixture.envcloneAlone("status", TWICE, "--target", fixture.url("postgres"), "--output", "json");

        assertThat(unconfirmed.status()).isEqualTo(ExitCode.REFUSED);
        assertThat(rollback.status()).as(rollback.all()).isEqualTo(ExitCode.DONE);
        assertThat(rollback.out()).contains("clone " + first + " is live again");
        assertThat(after.json().at("/state/cloneId").asText()).isEqualTo(first);
        JsonNode previous = after.json().at("/state/copies").findParents("role").stream()
                .filter(copy -> copy.get("role").asText().equals("previous")).findFirst().orElseThrow();
        assertThat(previous.get("cloneId").asText()).as("a rollback can itself be rolled back").isEqualTo(second);
        assertThat(previous.get("keptUntil").asText()).isNotEmpty();
    }

    @Test
    void deleteNeedsItsConfirmationThenDropsTheEnvironmentItsCopiesAndItsCloneRecord() throws Exception {
        fixture.cloned(GONE);
        fixture.cloned(GONE);
        StateDirectory state = new StateDirectory(fixture.state);
        state.save(new CloneRecord("ops-gone-left", GONE, "k", "f", "2026-01-01T00:00:00Z", CloneRequestStatus.initial()));

        Run unconfirmed = fixture.envclone("delete", GONE, "--target", fixture.url("postgres"));

        assertThat(unconfirmed.status()).isEqualTo(ExitCode.REFUSED);
        assertThat(unconfirmed.err()).contains("needs its confirmation", "--yes", "nothing was done");
        assertThat(fixture.server.databases()).contains(GONE, GONE + "__pristine", GONE + "__previous");

        Run delete = fixture.envclone("delete", GONE, "--target", fixture.url("postgres"), "--yes", "--output", "json");

        assertThat(delete.status()).as(delete.all()).isEqualTo(ExitCode.DONE);
        List<String> dropped = new java.util.ArrayList<>();
        delete.json().get("dropped").forEach(database -> dropped.add(database.asText()));
        assertThat(dropped).contains(GONE, GONE + "__pristine", GONE + "__previous");
        assertThat(fixture.server.databases()).noneMatch(database -> database.startsWith(GONE));
        assertThat(state.clone(GONE)).isEmpty();
    }

    @Test
    void deleteRefusesADatabaseEnvcloneDidNotMakeAndLeavesIt() {
        // the validator this command starts for itself is the one that refuses
        Run run = fixture.envcloneAlone("delete", FOREIGN, "--target", fixture.url("postgres"), "--yes");

        assertThat(run.status()).as(run.all()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.all()).contains("starting the validator");
        assertThat(run.err()).contains(FOREIGN, "is not an environment envclone made", "nothing was dropped");
        assertThat(fixture.server.databases()).contains(FOREIGN);
    }
}
