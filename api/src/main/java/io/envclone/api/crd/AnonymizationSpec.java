package io.envclone.api.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.util.List;

/**
 * The anonymization of an environment: the rules inline (the very shape of a rule file, so
 * {@code deploy/samples/demo-rules.yaml} fits here as it is) or a reference to a ConfigMap
 * holding one, and the Secret key the keyed transformers use.
 */
public record AnonymizationSpec(
        @JsonPropertyDescription("Version of the rules; travels with every anonymized batch so the validator knows which rules made it.")
        String version,
        @JsonPropertyDescription("strict (default): a sensitive column without a rule fails the clone; detect: it is reported.")
        String policy,
        @JsonPropertyDescription("Rules inline, one per column: {column: schema.table.column, type, options, paths, reason}.")
        List<ColumnRule> rules,
        @JsonPropertyDescription("ConfigMap key holding a rule file, instead of rules inline.")
        KeyReference rulesRef,
        @JsonPropertyDescription("Secret key holding the anonymization key (base64, at least 32 bytes); the same key gives the same fake values.")
        KeyReference keyRef) {

    public AnonymizationSpec {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The inline rules as the anonymizer's model (version and policy defaulted as a rule file's are). */
    public RuleSet ruleSet() {
        return new RuleSet(version, policy, rules);
    }
}
