package io.envclone.anonymizer.discover;

import io.envclone.api.anonymize.RuleSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * What discovery proposes: a rule set (policy strict) with one rule per sensitive column, the
 * findings behind it, the sensitive columns no rule of this build fits ({@code unresolved}), and
 * the columns judged not sensitive.
 */
public record Proposal(RuleSet rules, List<Finding> sensitive, List<Finding> unresolved, List<Cleared> notSensitive) {

    public Proposal {
        sensitive = List.copyOf(sensitive);
        unresolved = List.copyOf(unresolved);
        notSensitive = List.copyOf(notSensitive);
    }

    /** Every column judged sensitive, with a rule or not: what a strict policy wants covered. */
    public List<Finding> allSensitive() {
        return Stream.concat(sensitive.stream(), unresolved.stream()).toList();
    }
}
