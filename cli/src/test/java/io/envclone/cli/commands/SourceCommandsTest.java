package io.envclone.cli.commands;

import static io.envclone.cli.commands.CommandFixture.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.cli.ExitCode;
import io.envclone.cli.commands.CommandFixture.Run;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that look at a source and an environment side by side: discover's proposed rules,
 * diff's schema comparison (identical for a fresh clone, exit 4 once the environment drifted), and
 * validate's report; and a reset that undoes the drift. Each runs as a user runs it.
 */
@ExtendWith(RealInfrastructureExtension.class)
class SourceCommandsTest {

    private static final String FRESH = "ops-fresh";
    private static final String DRIFT = "ops-drift";

    private static CommandFixture fixture;

    @TempDir
    Path files;

    @BeforeAll
    static void environments(RealInfrastructure infra) throws Exception {
        fixture = CommandFixture.shared(infra);
        for (String environment : new String[] {FRESH, DRIFT}) {
            fixture.dropEnvironment(environment);
            fixture.cloned(environment);
        }
    }

    @Test
    void discoverWritesARuleFileCoveringTheUsersEmailAndListsWhatItFound() throws Exception {
        Path rules = files.resolve("rules.yaml");

        Run run = fixture.envclone("discover", "--source", fixture.url(SOURCE), "-o", rules.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.DONE);
        assertThat(Files.readString(rules)).contains("public.users.email");
        assertThat(run.out()).contains("sensitive columns", "public.users.email", "public.users.iban",
                "rules written to " + rules.toAbsolutePath());
    }

    @Test
    void discoverStartsOnlyTheAnonymizerAndWithJsonPrintsOneDocumentHoldingTheRuleFile() throws Exception {
        Run run = fixture.envcloneAlone("discover", "--source", fixture.url(SOURCE), "--output", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCode.DONE);
        assertThat(run.err()).contains("starting Kafka (in this process, for this command only)",
                "starting the anonymizer (logs in").doesNotContain("control databases");
        assertThat(fixture.state.resolve("kafka")).as("an interrupted clone's Kafka log is not touched").doesNotExist();
        JsonNode discovered = run.json();
        assertThat(discovered.get("ruleFile").asText()).contains("public.users.email");
        assertThat(discovered.get("sensitive").findValuesAsText("column")).contains("public.users.email");
        assertThat(discovered.get("columns").asInt()).isGreaterThan(discovered.get("sensitive").size());
    }

    @Test
    void aFreshCloneHasTheSourcesSchemaAndPassesValidation() throws Exception {
        Run diff = fixture.envclone("diff", "--source", fixture.url(SOURCE), "--target", fixture.url(FRESH));
        Path report = files.resolve("report.md");
        Run validate = fixture.envclone("validate", "--source", fixture.url(SOURCE), "--target", fixture.url(FRESH),
                "--report", report.toString());

        assertThat(diff.status()).as(diff.all()).isEqualTo(ExitCode.DONE);
        assertThat(diff.out()).contains("identical: " + fixture.url(FRESH) + " has the schema of " + fixture.url(SOURCE));
        assertThat(validate.status()).as(validate.all()).isEqualTo(ExitCode.DONE);
        assertThat(validate.out()).contains("PASSED", "schema parity");
        assertThat(Files.readString(report)).contains("PASSED");
    }

    @Test
    void anEnvironmentThatDriftedFailsDiffAndValidationUntilAResetBringsItBack() throws Exception {
        Map<String, Long> cloned = fixture.counts(DRIFT);
        fixture.execute(DRIFT, "alter table public.lofts add column drifted_flag boolean");
        fixture.execute(DRIFT, "delete from public.messages");

        Run diff = fixture.envclone("diff", "--source", fixture.url(SOURCE), "--target", fixture.url(DRIFT),
                "--output", "json");
        Run validate = fixture.envclone("validate", "--source", fixture.url(SOURCE), "--target", fixture.url(DRIFT));

        assertThat(diff.status()).as(diff.err()).isEqualTo(ExitCode.VALIDATION_FAILED);
        assertThat(diff.json().get("identical").asBoolean()).isFalse();
        assertThat(diff.json().get("text").asText()).contains("drifted_flag");
        assertThat(validate.status()).as(validate.all()).isEqualTo(ExitCode.VALIDATION_FAILED);
        assertThat(validate.out()).contains("FAILED");

        Run reset = fixture.envclone("reset", DRIFT, "--target", fixture.url("postgres"), "--mode", "full", "--yes");

        assertThat(reset.status()).as(reset.all()).isEqualTo(ExitCode.DONE);
        assertThat(reset.out()).contains(DRIFT + " is reset (full)");
        assertThat(fixture.counts(DRIFT)).isEqualTo(cloned);
        assertThat(fixture.envclone("diff", "--source", fixture.url(SOURCE), "--target", fixture.url(DRIFT)).status())
                .isEqualTo(ExitCode.DONE);
    }

    @Test
    void aResetIsNotDoneWithoutItsConfirmation() throws Exception {
        fixture.execute(FRESH, "create table if not exists public.kept_by_refusal (id int)");
        try {
            Run run = fixture.envclone("reset", FRESH, "--target", fixture.url(FRESH), "--output", "json");

            assertThat(run.status()).isEqualTo(ExitCode.REFUSED);
            assertThat(run.json().get("reason").asText()).contains("--yes", "nothing was done");
            assertThat(fixture.counts(FRESH)).containsKey("public.kept_by_refusal");
        } finally {
            fixture.execute(FRESH, "drop table public.kept_by_refusal");
        }
    }

    @Test
    void theValidatorsRefusalOfARequestIsBadUsageNamingTheField() {
        Run run = fixture.envclone("reset", "Not__An_Environment", "--target", fixture.url(FRESH), "--yes");

        assertThat(run.status()).as(run.all()).isEqualTo(ExitCode.BAD_USAGE);
        assertThat(run.err()).contains("answered 400: name environment must be lower-case").doesNotContain("name: name");
    }

    @Test
    void diffsHelpSaysThatADifferentSchemaExitsWithFour() {
        Run run = fixture.envcloneAlone("diff", "--help");

        assertThat(run.status()).isEqualTo(ExitCode.DONE);
        assertThat(run.out()).contains("Exit codes:", "4   the schemas differ", "exits 4");
    }
}
