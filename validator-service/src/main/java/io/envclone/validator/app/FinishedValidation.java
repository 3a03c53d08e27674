package io.envclone.validator.app;

import io.envclone.api.schema.MigrationScript;
import io.envclone.validator.check.CheckResult;
import io.envclone.validator.check.EnvironmentChecks;
import io.envclone.validator.check.LeakScan;
import io.envclone.validator.check.SchemaParity;
import io.envclone.validator.land.LeakGate;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The validation of a clone's finished copy before it may become the environment: its rows
 * against the cloner's counts, its foreign keys and sequences, its schema against the script it
 * was built from, and the whole copy scanned for source values. The report is stored and its id
 * returned.
 */
@ApplicationScoped
public class FinishedValidation {

    /** What the environment spec adds to the built-in checks. */
    public record Spec(String appRole) {
        public static Spec none() {
            return new Spec(null);
        }
    }

    /** Whether the copy passed, in a line, and where its report is. */
    public record Outcome(boolean passed, String summary, String reportId) {
    }

    private final ReportStore reports;

    FinishedValidation(ReportStore reports) {
        this.reports = reports;
    }

    public Outcome validate(Connection copy, String cloneId, String environment, List<String> preData,
            CloneLandings.Finish finish, LeakGate gate) throws SQLException {
        Map<String, List<CheckResult>> sections = new LinkedHashMap<>();
        sections.put("rows", EnvironmentChecks.rowCounts(copy, finish.expectedRows()));
        sections.put("foreign keys", EnvironmentChecks.foreignKeys(copy));
        sections.put("sequences", EnvironmentChecks.sequences(copy));
        sections.put("schema", SchemaParity.check(copy, new MigrationScript(preData, finish.postData(), List.of())));
        sections.put("anonymization", LeakScan.scan(copy, gate::leaks));
        List<CheckResult> failed = new ArrayList<>();
        sections.values().forEach(checks -> checks.stream().filter(check -> !check.passed()).forEach(failed::add));
        long total = sections.values().stream().mapToLong(List::size).sum();
        String summary = failed.isEmpty() ? total + " checks passed" : failed.size() + " of " + total + " checks failed";
        String id = "report-" + cloneId + "-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder markdown = new StringBuilder("# Validation of " + environment + ": "
                + (failed.isEmpty() ? "PASSED" : "FAILED") + "\n\n" + summary + "\n");
        sections.forEach((section, checks) -> {
            markdown.append("\n## ").append(section).append("\n\n");
            checks.forEach(check -> markdown.append("- ").append(check.passed() ? "✅ " : "❌ ").append(check.name())
                    .append(": ").append(check.detail()).append('\n'));
        });
        reports.save(new ReportStore.Stored(id, environment, cloneId, failed.isEmpty(), json(sections),
                markdown.toString()));
        return new Outcome(failed.isEmpty(), summary, id);
    }

    private static String json(Map<String, List<CheckResult>> sections) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(sections);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
