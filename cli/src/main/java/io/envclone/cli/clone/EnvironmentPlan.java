package io.envclone.cli.clone;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.crd.AnonymizationSpec;
import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.EnvironmentType;
import io.envclone.api.crd.KeyReference;
import io.envclone.api.crd.Selection;
import io.envclone.api.crd.SourceSpec;
import io.envclone.api.crd.TargetSpec;
import io.envclone.api.crd.TestEnvironmentSpec;
import io.envclone.api.crd.ValidationSpec;
import io.envclone.cli.local.DatabaseUrl;
import java.util.Map;

/**
 * One clone as the command understood it: the source and the target, and the TestEnvironment
 * and CloneRequest it amounts to (from {@code -f} and the options), so the same safety guard and
 * orchestration as in the cluster judge and drive it. {@code rules} is null until given or discovered.
 */
public record EnvironmentPlan(DatabaseUrl source, DatabaseUrl target, EnvironmentType type, Selection schemas,
        Selection tables, Map<String, String> rowFilters, RuleSet rules, String policy, ValidationSpec validation,
        String retention, Integer parallelism, Integer batchSize, boolean confirmed) {

    /** The name a local source is registered under: there is no registry outside the cluster. */
    public static final String LOCAL_SOURCE = "source";
    /** Locally the key is ENVCLONE_ANONYMIZATION_KEY or the state directory's, not a Secret. */
    static final KeyReference LOCAL_KEY = new KeyReference("envclone-local", "anonymization.key");

    public String environment() {
        return target.database();
    }

    public EnvironmentPlan withRules(RuleSet chosen) {
        return new EnvironmentPlan(source, target, type, schemas, tables, rowFilters, chosen, policy, validation,
                retention, parallelism, batchSize, confirmed);
    }

    /** The rules with the plan's policy, when one was asked for. */
    public RuleSet effectiveRules() {
        return policy == null || rules == null ? rules : new RuleSet(rules.version(), policy, rules.rules());
    }

    public TestEnvironmentSpec environmentSpec() {
        RuleSet ruleSet = effectiveRules();
        AnonymizationSpec anonymization = new AnonymizationSpec(ruleSet == null ? null : ruleSet.version(),
                ruleSet == null ? policy : ruleSet.policy(), ruleSet == null ? null : ruleSet.rules(), null, LOCAL_KEY);
        return new TestEnvironmentSpec(type, new SourceSpec(LOCAL_SOURCE, source.database(), schemas, tables),
                new TargetSpec(environment(), target.host(), target.port()), anonymization, validation, null, null,
                retention, null, null);
    }

    public CloneRequestSpec cloneRequestSpec() {
        return new CloneRequestSpec(environment(), tables, rowFilters, parallelism, batchSize, null,
                confirmed ? environment() : null, false);
    }
}
