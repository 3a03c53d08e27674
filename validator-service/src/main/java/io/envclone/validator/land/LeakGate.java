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

    /**
     * The rules whose values name someone on their own, so that a copy holding one of the source's,
     * whole, has leaked it. A first name, a city, a date or an amount is shared by many people: a
     * fake one equal to some real one is chance, not a leak; a scrubbed text keeps its words, and only
     * the personal tokens in it count; a kept column holds the source's values by decision.
     */
    private static final java.util.Set<String> IDENTIFYING = java.util.Set.of("email", "template", "custom", "name",
            "company", "address", "phone", "national_id", "card", "iban", "financial", "hash", "password");
    /** Shorter values (a postal code, an initial) repeat by chance even among identifying ones. */
    private static final int DISTINCTIVE_LENGTH = 7;

    private final java.util.Set<String> transformed = new java.util.HashSet<>();

    public LeakGate(RuleSet rules, SourceFingerprints source) {
        this.rules = rules;
        this.source = source;
        for (ColumnRule rule : rules.rules()) {
            if (IDENTIFYING.contains(rule.type())) {
                transformed.add(rule.column());
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
        // text and JSON, and each column's qualified name: worked out once a batch, not once a field
        boolean[] checkable = new boolean[columns.size()];
        String[] qualified = new String[columns.size()];
        for (int field = 0; field < checkable.length; field++) {
            String type = batch.wireTypes().get(field);
            checkable[field] = WireText.isText(type) || type.equals("json") || type.equals("jsonb");
            qualified[field] = table + "." + columns.get(field);
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
        @SuppressWarnings("unchecked")
        java.util.Set<String>[] checked = new java.util.Set[columns.size()]; // per column: the whole check depends on it
        for (int field = 0; field < checked.length; field++) {
            checked[field] = new java.util.HashSet<>();
        }
        Map<String, Boolean> lookedUp = new HashMap<>();
        CopyRows.forEach(batch.rows(), row -> {
            for (int field = 0; field < row.fields() && found[0] == null; field++) {
                if (row.isNull(field) || !checkable[field]) {
                    continue;
                }
                String value = WireText.decode(batch.wireTypes().get(field), row.bytes(field));
                String leak = checked[field].add(value) ? leak(qualified[field], value, lookedUp) : null;
                if (leak != null) {
                    String column = columns.get(field);
                    String rule = ruleOf.getOrDefault(column, "none");
                    found[0] = new Refusal(table, column, rule, "a value of the source reached the copy (" + leak + ")"
                            + (rule.equals("none") ? ": the column has no rule; give it one" : ": check the rule"));
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Whether {@code text}, a value of {@code column} ({@code schema.table.column}), holds a value of
     * the source: whole, then by the tokens inside it, as the cloner added them (TextPatterns). A
     * column whose values name someone ({@link #IDENTIFYING}) is checked whole; any other shares
     * words with personal ones by nature (a district named like a city, a fake first name like a real
     * one), so there only emails, phones, id numbers and IBANs count, whole or inside.
     */
    public boolean leaks(String column, String text) {
        return leak(column, text, new HashMap<>()) != null;
    }

    /**
     * What of {@code text} is the source's, said without it ("the whole value", "an email inside"), or
     * null. {@code lookedUp} holds the batch's lookups so far: a lookup answers the same every time.
     */
    private String leak(String column, String text, Map<String, Boolean> lookedUp) {
        boolean wholeCounts = transformed.contains(column) && text.length() >= DISTINCTIVE_LENGTH;
        if ((wholeCounts || TextPatterns.isLeakToken(text)) && known(text, lookedUp)) {
            return "the whole value";
        }
        for (String token : TextPatterns.leakTokens(text)) {
            if (known(token, lookedUp)) {
                return token.indexOf('@') >= 0 ? "an email inside" : Character.isLetter(token.charAt(0))
                        ? "an IBAN inside" : "a number of " + token.replaceAll("\\D", "").length() + " digits inside";
            }
        }
        return null;
    }

    private boolean known(String value, Map<String, Boolean> lookedUp) {
        return lookedUp.computeIfAbsent(value, source::mightContain);
    }
}
