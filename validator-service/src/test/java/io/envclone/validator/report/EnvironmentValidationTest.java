package io.envclone.validator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.testing.junit.RealInfrastructureExtension;
import io.envclone.testing.postgres.EmbeddedPostgresServer;
import io.envclone.validator.check.CheckResult;
import io.envclone.validator.check.DemoCopies;
import io.envclone.validator.check.EnvironmentChecks;
import io.envclone.validator.check.SourceFacts;
import io.envclone.validator.check.UserCheck;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole validation of a copy of the demo, in one call: green as copied, red with its reasons when broken. */
@ExtendWith(RealInfrastructureExtension.class)
class EnvironmentValidationTest {

    private static final List<UserCheck> CHECKS = List.of(
            new UserCheck("every reservation has a loft", "select count(*) from public.reservations r"
                    + " where not exists (select 1 from public.lofts l where l.id = r.loft_id)", "0", null),
            new UserCheck("an admin reads payments' reservations under row security",
                    "select set_config('app.role', 'admin', true) = 'admin'"
                            + " and (select count(*) from public.reservations) > 0", "true", DemoCopies.APP_ROLE));

    @Test
    void aGoodCopyValidatesGreenWithEverySectionTimedAndFiguresPerTable(EmbeddedPostgresServer server) throws Exception {
        SourceFacts facts = DemoCopies.facts(server);
        Map<String, Long> sourceRows = sourceRows(server);
        try (Connection copy = DemoCopies.copy(server, "validation_green")) {
            Section parity = new Section("schema parity", 5, List.of(new CheckResult("schema", true, "no difference")));
            ValidationReport report = EnvironmentValidation.run(copy, new EnvironmentValidation.Plan("staging", "clone-1",
                    sourceRows, facts, DemoCopies.APP_ROLE, null, CHECKS), List.of(parity));

            assertThat(report.failures()).isEmpty();
            assertThat(report.passed()).isTrue();
            assertThat(report.sections()).extracting(Section::name).containsExactly("row counts", "foreign keys", "health",
                    "functionality", "user checks", "schema parity");
            assertThat(report.sections()).allSatisfy(section -> assertThat(section.checks()).isNotEmpty());
            assertThat(report.summary().checks()).isEqualTo(report.sections().stream().mapToInt(s -> s.checks().size()).sum());
            assertThat(report.summary().skipped()).isPositive();
            assertThat(report.tables()).filteredOn(figure -> figure.table().equals("public.users")).singleElement()
                    .satisfies(figure -> {
                        assertThat(figure.rows()).isEqualTo(sourceRows.get("public.users"));
                        assertThat(figure.sourceRows()).isEqualTo(figure.rows());
                        assertThat(figure.checkMillis()).isNotNull();
                    });
            assertThat(report.durationMillis()).isGreaterThanOrEqualTo(0);
            assertThat(MarkdownReport.render(report)).startsWith("# PASSED: validation of staging");
            assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
        }
    }

    @Test
    void aBrokenCopyFailsNamingEachFindingAndAMalformedCheckStopsItBeforeItRuns(EmbeddedPostgresServer server)
            throws Exception {
        SourceFacts facts = DemoCopies.facts(server);
        Map<String, Long> sourceRows = sourceRows(server);
        try (Connection copy = DemoCopies.copy(server, "validation_broken"); Statement sql = copy.createStatement()) {
            sql.execute("alter table public.messages disable row level security");
            sql.execute("alter table public.payments disable trigger payments_audit");
            List<UserCheck> wrong = List.of(new UserCheck("no lofts", "select count(*) from public.lofts", "0", null));
            ValidationReport report = EnvironmentValidation.run(copy, new EnvironmentValidation.Plan("staging", null,
                    sourceRows, facts, DemoCopies.APP_ROLE, null, wrong), List.of());

            assertThat(report.passed()).isFalse();
            Map<String, String> failures = new TreeMap<>();
            report.failures().forEach(failure -> failures.put(failure.section() + ": " + failure.check(), failure.reason()));
            assertThat(failures).containsOnlyKeys("health: row security public.messages",
                    "functionality: triggers public.payments update", "functionality: triggers public.payments insert",
                    "functionality: triggers public.payments delete", "user checks: no lofts");
            assertThat(failures.get("user checks: no lofts")).isEqualTo("expected 0, got " + sourceRows.get("public.lofts"));
            assertThat(MarkdownReport.render(report)).startsWith("# FAILED: validation of staging");

            List<UserCheck> malformed = List.of(CHECKS.get(0), new UserCheck("bad", "select 1", "about 3", null));
            assertThatThrownBy(() -> EnvironmentValidation.run(copy, new EnvironmentValidation.Plan("staging", null,
                    sourceRows, facts, null, null, malformed), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("validation.checks[1].expect: ");
        }
    }

    private static Map<String, Long> sourceRows(EmbeddedPostgresServer server) throws Exception {
        DemoCopies.source(server);
        Map<String, Long> rows = new TreeMap<>();
        try (Connection source = server.connect(DemoCopies.SOURCE)) {
            for (String table : List.of("public.users", "public.lofts", "public.reservations", "public.notifications",
                    "audit.audit_log")) {
                rows.put(table, EnvironmentChecks.countRows(source, table));
            }
        }
        return rows;
    }
}
