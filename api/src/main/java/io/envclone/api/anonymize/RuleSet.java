package io.envclone.api.anonymize;

import java.util.List;

/**
 * The anonymization rules of an environment: the same model in a {@code TestEnvironment}'s spec,
 * in a rule file and in the anonymizer's REST API. {@code version} travels with every anonymized
 * batch so the validator knows which rules made it.
 *
 * @param policy {@code strict} (the default: a sensitive column without a rule fails the clone) or {@code detect}
 */
public record RuleSet(String version, String policy, List<ColumnRule> rules) {

    public static final String STRICT = "strict";
    public static final String DETECT = "detect";

    public RuleSet {
        version = version == null || version.isBlank() ? "1" : version;
        policy = policy == null || policy.isBlank() ? STRICT : policy;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
