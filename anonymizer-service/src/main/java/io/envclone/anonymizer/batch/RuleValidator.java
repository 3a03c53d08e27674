package io.envclone.anonymizer.batch;

import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.anonymizer.transform.Transformers;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.WireText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every error of a rule set at once, each naming its column and the fix: a malformed column name,
 * an unknown transformer, a bad option or template placeholder, and, given the columns of the
 * schema (from the cloner's analysis: {@code schema.table} to column to wire type), an unknown
 * column or a transformer that cannot handle the column's type.
 */
public final class RuleValidator {

    /** One problem with one rule. */
    public record RuleError(String column, String message) {
    }

    private static final Map<String, Set<String>> ALSO_ACCEPTS = Map.of(
            "date", Set.of("date", "timestamp without time zone", "timestamp with time zone"),
            "number", Set.of("numeric", "integer", "bigint", "smallint"),
            "amount", Set.of("numeric", "integer", "bigint", "smallint"),
            "scrub", Set.of("json", "jsonb"),
            "hash", Set.of("uuid"),
            "tsvector", Set.of("tsvector"));
    private static final Set<String> ANY_TYPE = Set.of("null", "keep");
    private static final KeyedHash CHECKING_KEY = new KeyedHash("rules-are-checked-not-run".getBytes(StandardCharsets.UTF_8));

    private RuleValidator() {
    }

    public static List<RuleError> validate(RuleSet rules, Map<String, Map<String, String>> schema) {
        return validate(rules, schema, Set.of());
    }

    /**
     * Also refuses, on a column in {@code unique} ({@code schema.table.column} under a one-column
     * unique constraint or key), a transformer that can give two rows the same value.
     */
    public static List<RuleError> validate(RuleSet rules, Map<String, Map<String, String>> schema, Set<String> unique) {
        List<RuleError> errors = new ArrayList<>();
        if (!Set.of(RuleSet.STRICT, RuleSet.DETECT).contains(rules.policy())) {
            errors.add(new RuleError("", "policy is '" + rules.policy() + "': use strict or detect"));
        }
        Transformers transformers = new Transformers(CHECKING_KEY);
        Set<String> seen = new java.util.HashSet<>();
        for (ColumnRule rule : rules.rules()) {
            String column = rule.column() == null ? "" : rule.column();
            if (rule.tableName() == null) {
                errors.add(new RuleError(column, "name the column as schema.table.column"));
                continue;
            }
            if (!seen.add(column)) {
                errors.add(new RuleError(column, "has two rules: keep one"));
            }
            if (rule.type() == null || rule.type().isBlank()) {
                errors.add(new RuleError(column, "has no type: give a transformer, one of " + Transformers.NAMES));
                continue;
            }
            try {
                transformers.create(rule);
            } catch (IllegalArgumentException e) {
                errors.add(new RuleError(column, e.getMessage().substring(column.length() + 2)));
                continue;
            }
            RuleCondition when;
            try {
                when = RuleCondition.parse(rule.option("when", null));
            } catch (IllegalArgumentException e) {
                errors.add(new RuleError(column, e.getMessage()));
                continue;
            }
            if (when != null && schema != null && schema.containsKey(rule.tableName())
                    && !schema.get(rule.tableName()).containsKey(when.column())) {
                errors.add(new RuleError(column, "option when names " + when.column() + ", which is not a column of "
                        + rule.tableName() + ": its columns are " + new java.util.TreeSet<>(schema.get(rule.tableName()).keySet())));
            }
            if ("keep".equals(rule.type()) && rule.reason().isBlank()) {
                errors.add(new RuleError(column, "keep needs a reason (why this column holds nothing personal)"));
            }
            if (schema != null && !schema.isEmpty()) {
                checkAgainstSchema(rule, schema, errors);
            }
            if (unique != null && unique.contains(column)) {
                UniqueSafety.problem(rule).ifPresent(problem -> errors.add(new RuleError(column, problem)));
            }
        }
        return errors;
    }

    private static void checkAgainstSchema(ColumnRule rule, Map<String, Map<String, String>> schema,
            List<RuleError> errors) {
        Map<String, String> table = schema.get(rule.tableName());
        if (table == null) {
            errors.add(new RuleError(rule.column(), "table " + rule.tableName() + " is not in the schema"));
            return;
        }
        String declared = table.get(rule.columnName());
        String type = declared == null ? null : WireText.withoutModifier(declared);
        if (type == null) {
            errors.add(new RuleError(rule.column(), "column " + rule.columnName() + " is not in " + rule.tableName()
                    + ": its columns are " + new java.util.TreeSet<>(table.keySet())));
            return;
        }
        String transformer = rule.type().toLowerCase(java.util.Locale.ROOT);
        if (!rule.paths().isEmpty() && !Set.of("json", "jsonb", "text").contains(type)) {
            errors.add(new RuleError(rule.column(), "paths name keys inside json, but the column is " + type
                    + ": drop paths, or give them to a json or jsonb column"));
            return;
        }
        String factorBy = rule.option("factorBy", "").strip();
        if (!factorBy.isEmpty() && !table.containsKey(factorBy)) {
            errors.add(new RuleError(rule.column(), "option factorBy names " + factorBy + ", which is not a column of "
                    + rule.tableName() + ": its columns are " + new java.util.TreeSet<>(table.keySet())));
        }
        if (transformer.equals("tsvector")) {
            for (String from : rule.option("from", "").split(",")) {
                if (!from.isBlank() && !table.containsKey(from.strip())) {
                    errors.add(new RuleError(rule.column(), "option from names " + from.strip() + ", which is not a column of "
                            + rule.tableName() + ": its columns are " + new java.util.TreeSet<>(table.keySet())));
                }
            }
        }
        if (ANY_TYPE.contains(transformer)) {
            return;
        }
        if (!WireText.supports(type)) {
            errors.add(new RuleError(rule.column(), WireText.unsupportedReason(type)));
        } else if (!WireText.isText(type) && !ALSO_ACCEPTS.getOrDefault(transformer, Set.of()).contains(type)) {
            errors.add(new RuleError(rule.column(), "transformer " + transformer + " does not fit a column of type " + type));
        }
    }
}
