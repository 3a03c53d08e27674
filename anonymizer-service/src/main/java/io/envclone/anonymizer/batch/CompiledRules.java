package io.envclone.anonymizer.batch;

import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.anonymizer.transform.SourceKnowledge;
import io.envclone.anonymizer.transform.Transformers;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A clone's rule set made ready to run: every rule's transformer built under the environment's
 * key, grouped by table. Building is where a bad rule is refused, naming its column and the fix,
 * before any batch is touched.
 */
public final class CompiledRules {

    private final RuleSet rules;
    private final Map<String, TableRules> byTable;

    public CompiledRules(RuleSet rules, KeyedHash key) {
        this(rules, key, Set.of());
    }

    /** {@code unique}: the rules' columns ({@code schema.table.column}) under a one-column unique constraint or key. */
    public CompiledRules(RuleSet rules, KeyedHash key, Set<String> unique) {
        this(rules, key, unique, SourceKnowledge.NONE);
    }

    /** {@code known}: the clone's source fingerprints; a fake that is a source value of its class is drawn again. */
    public CompiledRules(RuleSet rules, KeyedHash key, Set<String> unique, SourceKnowledge known) {
        this.rules = rules;
        Transformers transformers = new Transformers(key, known);
        Map<String, List<TableRules.ColumnTransform>> columns = new LinkedHashMap<>();
        for (ColumnRule rule : rules.rules()) {
            if (rule.tableName() == null) {
                throw new IllegalArgumentException((rule.column() == null ? "a rule" : rule.column())
                        + ": name the column as schema.table.column");
            }
            columns.computeIfAbsent(rule.tableName(), table -> new ArrayList<>())
                    .add(new TableRules.ColumnTransform(rule.columnName(), rule.type().toLowerCase(java.util.Locale.ROOT),
                            transformers.create(rule), unique.contains(rule.column()), condition(rule)));
        }
        this.byTable = new LinkedHashMap<>();
        columns.forEach((table, transforms) -> {
            transforms.sort(Comparator.comparingInt(TableRules.ColumnTransform::stage)); // derived ones last
            byTable.put(table, new TableRules(table, List.copyOf(transforms)));
        });
    }

    private static RuleCondition condition(ColumnRule rule) {
        try {
            return RuleCondition.parse(rule.option("when", null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rule.column() + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return rules.version();
    }

    /**
     * A sample row of {@code table} ({@code schema.table}) through the rules, as text: what people
     * writing rules want to see. Columns without a rule come back as they were.
     */
    public Map<String, String> preview(String table, Map<String, String> values) {
        Map<String, String> out = new java.util.LinkedHashMap<>(values);
        TableRules rules = forTable(table);
        if (rules != null) {
            RowTransform.apply(rules, values::containsKey, values::get, values.get("id"),
                    (rule, before, fake) -> out.put(rule.column(), fake));
        }
        return out;
    }

    /** The rules of {@code schema.table}, or null when it has none (its batches pass through untouched). */
    TableRules forTable(String table) {
        return byTable.get(table);
    }
}
