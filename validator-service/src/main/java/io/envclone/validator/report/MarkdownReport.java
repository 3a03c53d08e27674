package io.envclone.validator.report;

import io.envclone.validator.check.CheckResult;

/**
 * A {@link ValidationReport} for people: the outcome in the headline, the summary, every failure
 * with its reason before anything else, the tables' figures, then each section's checks.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(report.passed() ? "PASSED" : "FAILED").append(": validation of ")
                .append(text(report.environment())).append("\n\n");
        out.append("Report ").append(code(report.id()))
                .append(report.cloneId() == null ? "" : ", clone " + code(report.cloneId()))
                .append(", from ").append(report.startedAt()).append(" to ").append(report.finishedAt())
                .append(" (").append(report.durationMillis()).append(" ms).\n\n");

        ValidationReport.Summary summary = report.summary();
        out.append("| Checks | Passed | Failed | Skipped |\n|---:|---:|---:|---:|\n| ").append(summary.checks())
                .append(" | ").append(summary.passed()).append(" | ").append(summary.failed()).append(" | ")
                .append(summary.skipped()).append(" |\n\n");

        if (!report.failures().isEmpty()) {
            out.append("## Failures\n\n| Section | Check | Reason |\n|---|---|---|\n");
            for (ValidationReport.Failure failure : report.failures()) {
                out.append("| ").append(cell(failure.section())).append(" | ").append(cell(failure.check()))
                        .append(" | ").append(cell(failure.reason())).append(" |\n");
            }
            out.append('\n');
        }

        if (!report.tables().isEmpty()) {
            out.append("## Tables\n\n| Table | Rows | Source rows | Checks (ms) |\n|---|---:|---:|---:|\n");
            for (TableFigure table : report.tables()) {
                out.append("| ").append(cell(table.table())).append(" | ").append(figure(table.rows())).append(" | ")
                        .append(figure(table.sourceRows())).append(" | ").append(figure(table.checkMillis()))
                        .append(" |\n");
            }
            out.append('\n');
        }

        for (Section section : report.sections()) {
            long failed = section.checks().stream().filter(CheckResult::failed).count();
            out.append("## ").append(text(section.name())).append("\n\n").append(section.checks().size())
                    .append(" checks, ").append(failed).append(" failed, ").append(section.durationMillis())
                    .append(" ms.\n\n");
            if (section.checks().isEmpty()) {
                continue;
            }
            out.append("| | Check | Detail |\n|---|---|---|\n");
            for (CheckResult check : section.checks()) {
                out.append("| ").append(check.skipped() ? "skipped" : check.passed() ? "passed" : "**FAILED**")
                        .append(" | ").append(cell(check.name())).append(" | ").append(cell(check.detail())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String figure(Long value) {
        return value == null ? "" : value.toString();
    }

    private static String code(String value) {
        return "`" + value.replace("`", "'") + "`";
    }

    /** Markdown that would change the layout is escaped; names and reasons are shown as written. */
    private static String text(String value) {
        return value == null ? "" : value.replaceAll("([\\\\`*\\[\\]<>|])", "\\\\$1");
    }

    private static String cell(String value) {
        return text(value).replace("\r", " ").replace("\n", " ");
    }
}
