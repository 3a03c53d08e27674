package io.envclone.validator.app;

import io.envclone.api.schema.MigrationScript;
import io.envclone.validator.check.FunctionalitySuite;
import io.envclone.validator.check.LeakScan;
import io.envclone.validator.check.SchemaParity;
import io.envclone.validator.check.SourceFacts;
import io.envclone.validator.check.UserCheck;
import io.envclone.validator.check.UserChecks;
import io.envclone.validator.land.LeakGate;
import io.envclone.validator.report.EnvironmentValidation;
import io.envclone.validator.report.MarkdownReport;
import io.envclone.validator.report.ReportJson;
import io.envclone.validator.report.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The validation of an environment, stored: for a clone's finished copy before it may become
 * the environment (rows against the cloner's counts, keys, health, the functionality suite, the
 * spec's checks, the schema against the script it was built from, the whole copy scanned for
 * source values), and for any existing environment on request. Reports go to the control
 * database as JSON and Markdown.
 */
@ApplicationScoped
public class FinishedValidation {

    /** What the environment spec adds to the built-in checks: the application's role and named checks. */
    public record Spec(String appRole, List<UserCheck> checks) {
        public Spec {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        /** This spec, once its checks are well formed: a malformed one is the request's fault, found before anything runs. */
        public Spec checked() {
            try {
                UserChecks.validate(checks);
            } catch (IllegalArgumentException e) {
                throw io.envclone.service.problem.InvalidRequestException.fromFieldMessage(e);
            }
            return this;
        }

        public static Spec none() {
            return new Spec(null, List.of());
        }
    }

    /** Whether the copy passed, in a line, and where its report is. */
    public record Outcome(boolean passed, String summary, String reportId) {
    }

    private final ReportStore reports;

    FinishedValidation(ReportStore reports) {
        this.reports = reports;
    }

    /**
     * Validates {@code target}; {@code script} (may be null) is the DDL it was built from, {@code gate}
     * (may be null) the clone's leak test, {@code expectedRows} the source's counts (may be empty).
     */
    public Outcome validate(Connection target, String cloneId, String environment, MigrationScript script,
            Map<String, Long> expectedRows, LeakGate gate, Spec spec) {
        List<io.envclone.validator.report.Section> extra = new ArrayList<>();
        if (script != null) {
            extra.add(EnvironmentValidation.timed("schema", () -> SchemaParity.check(target, script)));
        }
        if (gate != null) {
            extra.add(EnvironmentValidation.timed("anonymization", () -> LeakScan.scan(target, gate::leaks)));
        }
        ValidationReport report = EnvironmentValidation.run(target, new EnvironmentValidation.Plan(environment, cloneId,
                expectedRows, script == null ? null : SourceFacts.fromScript(script.statements()), spec.appRole(),
                FunctionalitySuite.Expectations.defaults(), spec.checks()), extra);
        return stored(report, cloneId);
    }

    /** Only the functionality suite and the spec's checks: what {@code POST /api/test} runs. */
    public Outcome test(Connection target, String environment, Spec spec) {
        java.time.Instant started = java.time.Instant.now();
        List<io.envclone.validator.report.Section> sections = List.of(
                EnvironmentValidation.timed(EnvironmentValidation.FUNCTIONALITY, () -> FunctionalitySuite.run(target,
                        spec.appRole(), FunctionalitySuite.Expectations.defaults()).checks()),
                EnvironmentValidation.timed(EnvironmentValidation.USER_CHECKS, () -> UserChecks.run(target, spec.checks())));
        return stored(ValidationReport.of(environment, null, started, java.time.Instant.now(), List.of(), sections), null);
    }

    private Outcome stored(ValidationReport report, String cloneId) {
        reports.save(new ReportStore.Stored(report.id(), report.environment(), cloneId, report.passed(),
                ReportJson.write(report), MarkdownReport.render(report)));
        String summary = report.passed() ? report.summary().checks() + " checks passed"
                : report.summary().failed() + " of " + report.summary().checks() + " checks failed";
        return new Outcome(report.passed(), summary, report.id());
    }
}
