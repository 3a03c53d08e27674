package io.envclone.validator.land;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.batch.WireText;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.fingerprint.TextPatterns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check every anonymized batch passes before it lands: made by the environment's rule set,
 * and holding no value of the source. Every text and JSON field is looked up in the clone's
 * source fingerprints, whole and by the emails and long numbers (phones, ids, cards, IBANs) in
 * it, so a real email inside a message body is found as surely as in an email column. The
 * validator never sees a source value: only the keyed filter the cloner made of them. A refusal
 * names the table, the column and its rule, never the value.
 */
public final class LeakGate {

    /** Why a batch may not land. */
    public record Refusal(String table, String column, String rule, String reason) {
        public String message() {
            return table + (column == null ? "" : "." + column + " (rule " + rule + ")") + ": " + reason;
        }
    }

    private final RuleSet rules;
    private final SourceFingerprints source;

    private final java.util.Set<String> kept = new java.util.HashSet<>();

    public LeakGate(RuleSet rules, SourceFingerprints source) {
        this.rules = rules;
        this.source = source;
        for (ColumnRule rule : rules.rules()) {
            if ("keep".equals(rule.type())) {
                kept.add(rule.column());
            }
        }
    }

    public Optional<Refusal> check(TableBatch batch, String rulesVersion) {
        String table = batch.ruleTable();
        if (!rules.version().equals(rulesVersion)) {
            return Optional.of(new Refusal(table, null, null, "made by rules " + (rulesVersion == null ? "(none: not"
                    + " anonymized)" : rulesVersion) + ", the environment's are " + rules.version()
                    + ": anonymize it with the environment's rules"));
        }
        List<String> columns = batch.columns();
        List<String> wireTypes = batch.wireTypes();
        Map<String, String> ruleOf = new HashMap<>();
        for (ColumnRule rule : rules.rules()) {
            if (table.equals(rule.tableName())) {
                ruleOf.put(rule.columnName(), rule.type());
            }
        }
        Refusal[] found = {null};
        // a value met before in this batch was checked then: enums, currencies, statuses repeat on every row
        java.util.Set<String> checked = new java.util.HashSet<>();
        CopyRows.forEach(batch.rows(), row -> {
            for (int field = 0; field < row.fields() && found[0] == null; field++) {
                String type = wireTypes.get(field);
                if (row.isNull(field) || !(WireText.isText(type) || type.equals("json") || type.equals("jsonb"))) {
                    continue;
                }
                String value = WireText.decode(type, row.bytes(field));
                if (checked.add(value) && leaks(table + "." + columns.get(field), value)) {
                    String column = columns.get(field);
                    String rule = ruleOf.getOrDefault(column, "none");
                    found[0] = new Refusal(table, column, rule, "a value of the source reached the copy"
                            + (rule.equals("none") ? ": the column has no rule; give it one" : ": check the rule"));
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Whether {@code text}, a value of {@code column} ({@code schema.table.column}), holds a value of
     * the source: whole, then by the tokens inside it, as the cloner added them (TextPatterns). A
     * column its rules keep with a reason (a loft's city, a status) holds the source's values by
     * decision: only the emails, numbers and IBANs inside it count.
     */
    public boolean leaks(String column, String text) {
        if (!kept.contains(column) && source.mightContain(text)) {
            return true;
        }
        for (String token : TextPatterns.leakTokens(text)) {
            if (source.mightContain(token)) {
                return true;
            }
        }
        return false;
    }
}
