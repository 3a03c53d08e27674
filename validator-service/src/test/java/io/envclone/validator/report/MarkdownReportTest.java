package io.envclone.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.validator.check.CheckResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readable report: the outcome first, every failure with its reason before the sections, figures per table. */
class MarkdownReportTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

    static ValidationReport failing() {
        return ValidationReport.of("staging-2", "clone-7", STARTED, STARTED.plusMillis(1234),
                List.of(new TableFigure("public.users", 499L, 500L, 12L), new TableFigure("public.lofts", 80L, 80L, null)),
                List.of(new Section("row counts", 20, List.of(
                                new CheckResult("rows public.lofts", true, "80 rows, the source had 80"),
                                new CheckResult("rows public.users", false, "499 rows, the source had 500"))),
                        new Section("functionality", 300, List.of(
                                new CheckResult("update public.users", true, "updated one row, 17 columns set to themselves"),
                                CheckResult.skipped("insert public.store", "a generic copy of a row cannot be made here"),
                                new CheckResult("triggers public.users update", false, "users_audit is disabled")))));
    }

    @Test
    void aFailingReportListsItsFailuresWithTheirReasonsBeforeThePassedSections() {
        ValidationReport report = failing();
        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).isEqualTo(new ValidationReport.Summary(5, 2, 2, 1));
        assertThat(report.failures()).extracting(ValidationReport.Failure::check)
                .containsExactly("rows public.users", "triggers public.users update");

        String markdown = MarkdownReport.render(report);
        assertThat(markdown).startsWith("# FAILED: validation of staging-2\n");
        assertThat(markdown).contains("| 5 | 2 | 2 | 1 |", "| public.users | 499 | 500 | 12 |", "| public.lofts | 80 | 80 |  |",
                "| functionality | triggers public.users update | users_audit is disabled |",
                "| row counts | rows public.users | 499 rows, the source had 500 |",
                "| **FAILED** | triggers public.users update | users_audit is disabled |",
                "| skipped | insert public.store |", "clone `clone-7`", "(1234 ms)");
        int failures = markdown.indexOf("## Failures");
        assertThat(failures).isPositive().isLessThan(markdown.indexOf("## Tables"));
        assertThat(markdown.indexOf("## Tables")).isLessThan(markdown.indexOf("## row counts"));
        assertThat(markdown.indexOf("## row counts")).isLessThan(markdown.indexOf("## functionality"));
        assertThat(markdown.indexOf("499 rows, the source had 500")).isLessThan(markdown.indexOf("80 rows, the source had 80"));
    }

    @Test
    void aPassingReportSaysSoAndHasNoFailures() {
        ValidationReport report = ValidationReport.of("dev", null, STARTED, STARTED, List.of(),
                List.of(new Section("user checks", 3, List.of(new CheckResult("a | b", true, "expected 0, got 0")))));
        String markdown = MarkdownReport.render(report);
        assertThat(markdown).startsWith("# PASSED: validation of dev\n").doesNotContain("## Failures", "## Tables", "clone")
                .contains("| passed | a \\| b | expected 0, got 0 |");
    }

    @Test
    void theJsonReadsBackAsTheSameReport() throws Exception {
        ValidationReport report = failing();
        String json = ReportJson.write(report);
        assertThat(json).contains("\"startedAt\" : \"2026-03-01T10:00:00Z\"", "\"skipped\" : true", "\"cloneId\" : \"clone-7\"",
                "\"durationMillis\" : 1234");
        var check = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).at("/sections/0/checks/0");
        assertThat(check.fieldNames()).toIterable().containsExactly("name", "passed", "detail", "skipped");
        assertThat(ReportJson.read(json)).isEqualTo(report);
    }
}
