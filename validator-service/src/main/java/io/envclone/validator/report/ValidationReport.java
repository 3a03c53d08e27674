package io.envclone.validator.report;

import io.envclone.validator.check.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of validating one finished environment, as JSON (plain records, nothing of a
 * framework) and, through {@link MarkdownReport}, for people. It passed when no check failed;
 * skipped checks say why and do not fail it. {@code cloneId} is null for a validation outside a clone.
 */
public record ValidationReport(String id, String environment, String cloneId, Instant startedAt, Instant finishedAt,
        long durationMillis, boolean passed, Summary summary, List<TableFigure> tables, List<Section> sections,
        List<Failure> failures) {

    /** How many checks, and of them how many passed, failed and were skipped (passed + failed + skipped = checks). */
    public record Summary(int checks, int passed, int failed, int skipped) {
    }

    /** A failed check with its section and its reason, listed on its own so nobody has to look for it. */
    public record Failure(String section, String check, String reason) {
    }

    public ValidationReport {
        tables = List.copyOf(tables);
        sections = List.copyOf(sections);
        failures = List.copyOf(failures);
    }

    /** A report with a new id, its summary, outcome and failures worked out from the sections. */
    public static ValidationReport of(String environment, String cloneId, Instant startedAt, Instant finishedAt,
            List<TableFigure> tables, List<Section> sections) {
        int passed = 0;
        int skipped = 0;
        List<Failure> failures = new ArrayList<>();
        for (Section section : sections) {
            for (CheckResult check : section.checks()) {
                if (check.skipped()) {
                    skipped++;
                } else if (check.passed()) {
                    passed++;
                } else {
                    failures.add(new Failure(section.name(), check.name(), check.detail()));
                }
            }
        }
        Summary summary = new Summary(passed + failures.size() + skipped, passed, failures.size(), skipped);
        return new ValidationReport(UUID.randomUUID().toString(), environment, cloneId, startedAt, finishedAt,
                Duration.between(startedAt, finishedAt).toMillis(), failures.isEmpty(), summary, tables, sections,
                failures);
    }
}
