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

    public LeakGate(RuleSet rules, SourceFingerprints source) {
        this.rules = rules;
        this.source = source;
    }

    public Optional<Refusal> check(TableBatch batch, String rulesVersion) {
        String table = batch.ruleTable();
        if (!rules.version().equals(rulesVersion)) {
            return Optional.of(new Refusal(table, null, null, "made by rules " + (rulesVersion == null ? "(none: not"
                    + " anonymized)" : rulesVersion) + ", the environment's are " + rules.version()
                    + ": anonymize it with the environment's rules"));
        }
        List<String> columns = batch.columns();
        boolean[] checkable = new boolean[columns.size()]; // text and JSON: worked out once a batch, not once a field
        for (int field = 0; field < checkable.length; field++) {
            String type = batch.wireTypes().get(field);
            checkable[field] = WireText.isText(type) || type.equals("json") || type.equals("jsonb");
        }
        Map<String, String> ruleOf = new HashMap<>();
        for (ColumnRule rule : rules.rules()) {
            if (table.equals(rule.tableName())) {
                ruleOf.put(rule.columnName(), rule.type());
            }
        }
        Refusal[] found = {null};
        // a value or token met before in this batch was looked up then: enums, currencies, statuses repeat on every
        // row, and the dates and ids inside JSON row images on most of them
        Map<String, Boolean> seen = new HashMap<>();
        CopyRows.forEach(batch.rows(), row -> {
            for (int field = 0; field < row.fields() && found[0] == null; field++) {
                if (row.isNull(field) || !checkable[field]) {
                    continue;
                }
                if (leaks(WireText.decode(batch.wireTypes().get(field), row.bytes(field)), seen)) {
                    String column = columns.get(field);
                    String rule = ruleOf.getOrDefault(column, "none");
                    found[0] = new Refusal(table, column, rule, "a value of the source reached the copy"
                            + (rule.equals("none") ? ": the column has no rule; give it one" : ": check the rule"));
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** Whole, then by the tokens inside it: the cloner added the source's values both ways (TextPatterns). */
    public boolean leaks(String text) {
        return leaks(text, new HashMap<>());
    }

    /**
     * As {@link #leaks(String)}, with what this batch looked up before in {@code seen}: true for a value
     * checked whole and by its tokens, false for one looked up as a token only. A lookup answers the
     * same every time, so none is made twice; a value found is the end of the batch's check.
     */
    private boolean leaks(String text, Map<String, Boolean> seen) {
        Boolean before = seen.put(text, Boolean.TRUE);
        if (Boolean.TRUE.equals(before)) {
            return false;
        }
        if (before == null && source.mightContain(text)) {
            return true;
        }
        for (String token : TextPatterns.leakTokens(text)) {
            if (seen.putIfAbsent(token, Boolean.FALSE) == null && source.mightContain(token)) {
                return true;
            }
        }
        return false;
    }
}
