package io.envclone.anonymizer.discover;

import io.envclone.anonymizer.batch.RuleValidator;
import io.envclone.anonymizer.transform.Transformers;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rule for a sensitive column: its kind's transformer, made unique-safe on a unique column,
 * else the kind's fallbacks, else {@code null} when the column may be empty. Each is checked
 * by {@link RuleValidator} against the column's type, so a proposal never holds a rule the
 * anonymizer would refuse; when none fits, the finding is unresolved and says why.
 */
final class RuleFitter {

    /** The finding, and whether a rule of this build fits it. */
    record Fit(Finding finding, boolean resolved) {
    }

    private RuleFitter() {
    }

    static Fit fit(SchemaColumn column, ColumnJudge.Judgement judgement, List<SchemaColumn> tableColumns) {
        Kind kind = judgement.kind();
        String reason = judgement.reason();
        List<ColumnRule> candidates = new ArrayList<>();
        if (column.key()) {
            // a key is hashed, not faked: one value hashes the same in every table, so joins hold
            candidates.add(rule(column, "hash", Map.of(), reason + "; a key: hashed so joins hold"));
        } else {
            candidates.add(primary(column, kind, reason, tableColumns));
            kind.fallbacks.forEach(type -> candidates.add(rule(column, type, Map.of(), reason)));
            candidates.add(rule(column, "null", Map.of(), reason));
        }
        List<String> problems = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (ColumnRule candidate : candidates) {
            if (tried.contains(candidate.type())) {
                continue;
            }
            tried.add(candidate.type());
            Optional<String> problem = problem(candidate, column, tableColumns);
            if (problem.isEmpty()) {
                String why = problems.isEmpty() ? candidate.reason()
                        : candidate.reason() + "; " + problems.get(0) + ": " + candidate.type() + " instead";
                return new Fit(new Finding(column.qualified(), candidate.type(), candidate.options(), why,
                        judgement.evidence()), true);
            }
            problems.add(candidate.type() + " does not fit (" + problem.get() + ")");
        }
        ColumnRule wanted = candidates.get(0);
        return new Fit(new Finding(column.qualified(), wanted.type(), wanted.options(), wanted.reason()
                + "; no rule of this build fits: " + String.join(", ", problems) + "; add a rule or keep it with a reason",
                judgement.evidence()), false);
    }

    private static ColumnRule primary(SchemaColumn column, Kind kind, String reason, List<SchemaColumn> tableColumns) {
        Map<String, String> options = new LinkedHashMap<>(kind.options);
        String why = reason;
        if (column.unique() && kind.uniqueTemplate() != null) {
            return rule(column, "template", Map.of("template", kind.uniqueTemplate()),
                    reason + "; unique: a template with {hash} keeps it unique");
        }
        if (column.unique() && kind == Kind.EMAIL) {
            why += "; unique: the default template user{hash}@test.local keeps it unique";
        }
        if (kind == Kind.SEARCH_VECTOR) {
            String from = tableColumns.stream().filter(other -> other.table().equals(column.table()))
                    .filter(other -> !other.key() && !other.generated() && ValueType.of(other.type()) == ValueType.TEXT)
                    .map(SchemaColumn::column).collect(Collectors.joining(","));
            if (!from.isEmpty()) {
                options.put("from", from);
                why += "; recomputed from the row's anonymized " + from;
            }
        }
        return rule(column, kind.transformer, options, why);
    }

    /** Why {@code rule} cannot stand on {@code column}, or empty when it can. */
    private static Optional<String> problem(ColumnRule rule, SchemaColumn column, List<SchemaColumn> tableColumns) {
        if (!Transformers.NAMES.contains(rule.type())) {
            return Optional.of("this build has no " + rule.type() + " transformer");
        }
        if (rule.type().equals("null") && column.notNull()) {
            return Optional.of("the column is NOT NULL");
        }
        Map<String, String> table = new LinkedHashMap<>();
        tableColumns.stream().filter(other -> other.table().equals(column.table()))
                .forEach(other -> table.put(other.column(), other.type()));
        table.put(column.column(), column.type());
        Map<String, Map<String, String>> types = Map.of(column.table(), table);
        java.util.Set<String> unique = column.unique() ? java.util.Set.of(column.qualified()) : java.util.Set.of();
        return RuleValidator.validate(new RuleSet("fit", RuleSet.STRICT, List.of(rule)), types, unique).stream()
                .map(RuleValidator.RuleError::message).findFirst();
    }

    private static ColumnRule rule(SchemaColumn column, String type, Map<String, String> options, String reason) {
        return new ColumnRule(column.qualified(), type, options, Map.of(), reason);
    }
}
