package io.envclone.anonymizer.discover;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a rule set covers what discovery found: every sensitive column needs a rule, and a
 * {@code keep} counts only with a reason. Under the strict policy a gap fails the clone; under
 * {@code detect} it is a warning. Plain Java, for the REST API and the orchestrator's safety guard.
 */
public final class Coverage {

    /** A sensitive column without a rule, and the fix. */
    public record Gap(String column, String message) {
    }

    /** {@code passes}: the clone may go on; {@code errors} under strict, {@code warnings} under detect. */
    public record Report(String policy, boolean passes, List<Gap> errors, List<Gap> warnings) {
    }

    private Coverage() {
    }

    /** The sensitive columns of {@code discovered} that {@code rules} leaves uncovered, in discovery's order. */
    public static List<Gap> uncovered(RuleSet rules, Proposal discovered) {
        Map<String, ColumnRule> byColumn = rules.rules().stream().filter(rule -> rule.column() != null)
                .collect(Collectors.toMap(ColumnRule::column, Function.identity(), (first, second) -> first));
        return discovered.allSensitive().stream()
                .map(finding -> gap(finding, byColumn.get(finding.column())))
                .filter(gap -> gap != null)
                .toList();
    }

    public static Report check(RuleSet rules, Proposal discovered) {
        List<Gap> gaps = uncovered(rules, discovered);
        if (RuleSet.DETECT.equals(rules.policy())) {
            return new Report(rules.policy(), true, List.of(), gaps);
        }
        // any policy but detect is strict: an unknown one must not let personal data through
        return new Report(rules.policy(), gaps.isEmpty(), gaps, List.of());
    }

    private static Gap gap(Finding finding, ColumnRule rule) {
        String fix = "add a rule, e.g. {column: " + finding.column() + ", type: " + finding.type()
                + "}, or keep it with a reason";
        if (rule == null || rule.type() == null || rule.type().isBlank()) {
            return new Gap(finding.column(), finding.column() + " looks sensitive (" + finding.reason() + ") and has no"
                    + " rule: " + fix);
        }
        if (rule.type().equalsIgnoreCase("keep") && rule.reason().isBlank()) {
            return new Gap(finding.column(), finding.column() + " looks sensitive (" + finding.reason() + ") and is"
                    + " kept without a reason: " + fix);
        }
        return null;
    }
}
