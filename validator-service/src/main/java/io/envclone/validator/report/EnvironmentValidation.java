package io.envclone.validator.report;

import io.envclone.validator.check.CheckResult;
import io.envclone.validator.check.EnvironmentChecks;
import io.envclone.validator.check.FunctionalitySuite;
import io.envclone.validator.check.HealthChecks;
import io.envclone.validator.check.SourceFacts;
import io.envclone.validator.check.SqlErrors;
import io.envclone.validator.check.UserCheck;
import io.envclone.validator.check.UserChecks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates a finished environment in one call: row counts, foreign keys, health (with the
 * sequences), the functionality suite and the spec's own checks, each timed as a section, then
 * the sections others computed (a schema comparison, the leak checks), into one {@link ValidationReport}.
 *
 * <p>It lives beside the report rather than among the checks so that {@code check} knows nothing
 * of reports. A section that cannot run (the connection lost, a catalog refused) becomes one
 * failed check saying why; the others still run.
 */
public final class EnvironmentValidation {

    /**
     * What to validate against: {@code sourceRows}, the source snapshot's rows per table
     * ({@code schema.table}); {@code source}, the source's facts (null: not compared); {@code appRole},
     * the application's role (null: none); {@code expectations} for the functionality suite; and
     * the spec's {@code userChecks}.
     */
    public record Plan(String environment, String cloneId, Map<String, Long> sourceRows, SourceFacts source,
            String appRole, FunctionalitySuite.Expectations expectations, List<UserCheck> userChecks) {

        public Plan {
            sourceRows = Map.copyOf(sourceRows);
            expectations = expectations == null ? FunctionalitySuite.Expectations.defaults() : expectations;
            userChecks = List.copyOf(userChecks);
        }
    }

    public static final String ROW_COUNTS = "row counts";
    public static final String FOREIGN_KEYS = "foreign keys";
    public static final String HEALTH = "health";
    public static final String FUNCTIONALITY = "functionality";
    public static final String USER_CHECKS = "user checks";

    /** A section's checks, which may fail to run at all. */
    @FunctionalInterface
    public interface SectionWork {
        List<CheckResult> run() throws SQLException;
    }

    private EnvironmentValidation() {
    }

    /** Throws {@link IllegalArgumentException} before anything runs when a user check is malformed. */
    public static ValidationReport run(Connection target, Plan plan, List<Section> extraSections) {
        UserChecks.validate(plan.userChecks());
        Instant started = Instant.now();
        List<Section> sections = new ArrayList<>();
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();

        sections.add(timed(ROW_COUNTS, () -> {
            List<CheckResult> results = new ArrayList<>();
            for (Map.Entry<String, Long> table : new TreeMap<>(plan.sourceRows()).entrySet()) {
                long begun = System.nanoTime();
                try {
                    long count = EnvironmentChecks.countRows(target, table.getKey());
                    rows.put(table.getKey(), count);
                    results.add(EnvironmentChecks.rowCount(table.getKey(), count, table.getValue()));
                } catch (SQLException e) {
                    results.add(new CheckResult("rows " + table.getKey(), false, "cannot count: " + SqlErrors.describe(e)));
                }
                millis.merge(table.getKey(), (System.nanoTime() - begun) / 1_000_000, Long::sum);
            }
            return results;
        }));
        sections.add(timed(FOREIGN_KEYS, () -> EnvironmentChecks.foreignKeys(target)));
        sections.add(timed(HEALTH, () -> HealthChecks.all(target, plan.source(), plan.appRole())));
        sections.add(timed(FUNCTIONALITY, () -> {
            FunctionalitySuite.Outcome outcome = FunctionalitySuite.run(target, plan.appRole(), plan.expectations());
            outcome.tableMillis().forEach((table, spent) -> millis.merge(table, spent, Long::sum));
            return outcome.checks();
        }));
        sections.add(timed(USER_CHECKS, () -> UserChecks.run(target, plan.userChecks())));
        sections.addAll(extraSections);

        List<TableFigure> tables = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(plan.sourceRows().keySet());
        names.addAll(millis.keySet());
        for (String table : names) {
            tables.add(new TableFigure(table, rows.get(table), plan.sourceRows().get(table), millis.get(table)));
        }
        return ValidationReport.of(plan.environment(), plan.cloneId(), started, Instant.now(), tables, sections);
    }

    /** {@code work} as a section, timed; a section that cannot run is one failed check saying why. */
    public static Section timed(String name, SectionWork work) {
        long started = System.nanoTime();
        List<CheckResult> checks;
        try {
            checks = work.run();
        } catch (SQLException | RuntimeException e) {
            String reason = e instanceof SQLException sql ? SqlErrors.describe(sql) : firstLine(e);
            checks = List.of(new CheckResult(name, false, "could not run: " + reason));
        }
        return new Section(name, (System.nanoTime() - started) / 1_000_000, checks);
    }

    /** An exception's message may run on with detail; its first line is the reason. */
    private static String firstLine(Exception e) {
        String text = String.valueOf(e.getMessage());
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
