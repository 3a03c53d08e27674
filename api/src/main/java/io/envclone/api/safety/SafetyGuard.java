package io.envclone.api.safety;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.crd.AnonymizationSpec;
import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.SourceSpec;
import io.envclone.api.crd.TargetSpec;
import io.envclone.api.crd.TestEnvironmentSpec;
import io.envclone.api.safety.SafetyFacts.RegisteredSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * May this environment be cloned, and this clone run? Every denial names the field at fault and
 * the fix. The operator's admission webhook and its reconciler ask the same questions; the
 * validator's {@code TargetSafety} still judges the real server before every write.
 */
public final class SafetyGuard {

    /** An environment's name is its live database's, and {@code <name>__previous} must fit PostgreSQL's 63 bytes. */
    static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,52}");

    private SafetyGuard() {
    }

    /** The denials of a TestEnvironment; empty when it may be applied. */
    public static List<Denial> check(TestEnvironmentSpec spec, SafetyFacts facts) {
        List<Denial> denials = new ArrayList<>();
        RegisteredSource source = source(spec.source(), facts, denials);
        target(spec.target(), source, facts, denials);
        String environment = spec.target() == null ? null : spec.target().environment();
        if (spec.refresh() != null && notBlank(spec.refresh().schedule()) && environment != null
                && !environment.equals(spec.refresh().confirm())) {
            denials.add(new Denial("spec.refresh.confirm", "a scheduled refresh replaces " + environment
                    + " each time: set refresh.confirm: " + environment + " to allow it, or remove refresh.schedule"));
        }
        anonymization(spec.anonymization(), facts, denials);
        return List.copyOf(denials);
    }

    /** The denials of a CloneRequest into {@code environment}: its own, and the environment's. */
    public static List<Denial> check(CloneRequestSpec request, TestEnvironmentSpec environment, SafetyFacts facts) {
        List<Denial> denials = new ArrayList<>(check(environment, facts));
        String name = environment.target() == null ? null : environment.target().environment();
        if (facts.environmentExists() && name != null && !name.equals(request.confirm())) {
            denials.add(new Denial("spec.confirm", name + " exists and this clone replaces it: set confirm: " + name
                    + " in the CloneRequest to allow it (what it holds is kept as its previous copy, which a rollback"
                    + " brings back until the retention ends)"));
        }
        if (request.parallelism() != null && (request.parallelism() < 1 || request.parallelism() > 32)) {
            denials.add(new Denial("spec.parallelism", "must be between 1 and 32, was " + request.parallelism()));
        }
        if (request.batchSize() != null && request.batchSize() < 1) {
            denials.add(new Denial("spec.batchSize", "must be at least 1, was " + request.batchSize()));
        }
        return List.copyOf(denials);
    }

    private static RegisteredSource source(SourceSpec source, SafetyFacts facts, List<Denial> denials) {
        if (source == null || !notBlank(source.name())) {
            denials.add(new Denial("spec.source.name", "name the registered production source to clone"
                    + known(facts)));
            return null;
        }
        RegisteredSource registered = facts.sources().stream().filter(s -> s.name().equals(source.name()))
                .findFirst().orElse(null);
        if (registered == null) {
            denials.add(new Denial("spec.source.name", "source " + source.name() + " is not registered: register it"
                    + " first, or fix the name" + known(facts)));
            return null;
        }
        if (!registered.readOnly()) {
            denials.add(new Denial("spec.connectionSecret", "the source role for " + source.name() + " can write:"
                    + " give source-user in the connection secret a read-only role (default_transaction_read_only"
                    + " on, no INSERT, UPDATE, DELETE or TRUNCATE grant)"));
        }
        return registered;
    }

    private static void target(TargetSpec target, RegisteredSource source, SafetyFacts facts, List<Denial> denials) {
        if (target == null || !notBlank(target.environment())) {
            denials.add(new Denial("spec.target.environment", "name the environment, e.g. lofts-test: it is also the"
                    + " name of its live database"));
            return;
        }
        if (!ENVIRONMENT_NAME.matcher(target.environment()).matches()) {
            denials.add(new Denial("spec.target.environment", target.environment() + " is not a usable name:"
                    + " lower-case letters, digits, _ and -, starting with a letter or _, at most 53 characters"));
        }
        if (!notBlank(target.host())) {
            denials.add(new Denial("spec.target.host", "name the test server the environment lives on"));
            return;
        }
        String host = target.host().toLowerCase(Locale.ROOT);
        if (source != null && sameServer(host, target.portOrDefault(), source)
                && target.environment().equals(source.database())) {
            denials.add(new Denial("spec.target.environment", "the target is the source itself (" + source.database()
                    + " on " + source.host() + "): point target at a test server"));
            return;
        }
        for (RegisteredSource production : facts.sources()) {
            if (sameServer(host, target.portOrDefault(), production) && !facts.sameServerAllowed()) {
                denials.add(new Denial("spec.target.host", target.host() + ":" + target.portOrDefault()
                        + " is the server of production source " + production.name() + ": point target.host at a"
                        + " test server"));
                return;
            }
        }
        if (facts.productionHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))) {
            denials.add(new Denial("spec.target.host", target.host() + " is a production server: point target.host"
                    + " at a test server"));
        }
    }

    private static void anonymization(AnonymizationSpec anonymization, SafetyFacts facts, List<Denial> denials) {
        String field = "spec.anonymization";
        if (anonymization == null) {
            denials.add(new Denial(field, "give the anonymization rules (rules inline or rulesRef) and keyRef"));
            return;
        }
        if (anonymization.policy() != null && !RuleSet.STRICT.equals(anonymization.policy())
                && !RuleSet.DETECT.equals(anonymization.policy())) {
            denials.add(new Denial(field + ".policy", "policy is strict or detect, was " + anonymization.policy()));
        }
        if (!anonymization.rules().isEmpty() && anonymization.rulesRef() != null) {
            denials.add(new Denial(field + ".rulesRef", "give rules inline or rulesRef, not both"));
        }
        if (anonymization.keyRef() == null || !notBlank(anonymization.keyRef().name())
                || !notBlank(anonymization.keyRef().key())) {
            denials.add(new Denial(field + ".keyRef", "name the Secret and key holding the anonymization key"
                    + " (keyRef: {name, key}); the same key gives the same fake values"));
        }
        RuleSet rules = anonymization.ruleSet();
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            rule(field + ".rules[" + i + "]", rules.rules().get(i), rules.policy(), facts, covered, denials);
        }
        if (RuleSet.STRICT.equals(rules.policy()) && anonymization.rulesRef() == null) {
            for (String column : new TreeSet<>(facts.sensitiveColumns())) {
                if (!covered.contains(column)) {
                    denials.add(new Denial(field + ".rules", column + " looks sensitive and has no rule: add"
                            + " {column: " + column + ", type: ...}, or type: keep with a reason, or set policy: detect"));
                }
            }
        }
    }

    private static void rule(String field, ColumnRule rule, String policy, SafetyFacts facts, Set<String> covered,
            List<Denial> denials) {
        if (rule.tableName() == null) {
            denials.add(new Denial(field + ".column", "column is schema.table.column, was " + rule.column()));
        } else if (!covered.add(rule.column())) {
            denials.add(new Denial(field + ".column", rule.column() + " has a rule already: keep one"));
        }
        if (!notBlank(rule.type()) || !facts.transformerTypes().contains(rule.type())) {
            denials.add(new Denial(field + ".type", "unknown transformer " + rule.type() + ": one of "
                    + String.join(", ", new TreeSet<>(facts.transformerTypes()))));
        } else if ("keep".equals(rule.type()) && RuleSet.STRICT.equals(policy) && rule.reason().isBlank()) {
            denials.add(new Denial(field + ".reason", "keep under the strict policy needs a reason: say why "
                    + rule.column() + " names nobody"));
        }
    }

    private static boolean sameServer(String host, int port, RegisteredSource source) {
        return source.host() != null && source.host().equalsIgnoreCase(host) && source.port() == port;
    }

    private static String known(SafetyFacts facts) {
        return facts.sources().isEmpty() ? " (none is registered)"
                : " (registered: " + String.join(", ", facts.sources().stream().map(RegisteredSource::name).toList()) + ")";
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
