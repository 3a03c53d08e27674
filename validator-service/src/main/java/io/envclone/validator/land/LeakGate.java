package io.envclone.validator.land;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.batch.WireText;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.fingerprint.FreeText;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceMatcher;
import io.envclone.api.fingerprint.Words;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check every anonymized batch passes before it lands: made by the environment's rule set,
 * and holding no value of the source. Every text and JSON field is looked up in the clone's
 * source fingerprints by class ({@link PiiClass}), whole and by what is inside it (emails, phones,
 * ids, IBANs, full names, logins, addresses), with the finder the anonymizer replaced them with
 * ({@link SourceMatcher}), so a real name inside a message body is found as surely as in a name
 * column, and the gate never refuses what a transformer was allowed to produce. The
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

    private final SourceMatcher matcher;
    /** {@code schema.table.column} to its rule's transformer. */
    private final Map<String, String> ruleOf = new HashMap<>();

    public LeakGate(RuleSet rules, SourceFingerprints source) {
        this.rules = rules;
        this.source = source;
        this.matcher = new SourceMatcher(source);
        for (ColumnRule rule : rules.rules()) {
            ruleOf.put(rule.column(), rule.type() == null ? "" : rule.type().toLowerCase(java.util.Locale.ROOT));
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
        Refusal[] found = {null};
        // a value or token met before in this batch was looked up then: enums, currencies, statuses repeat on every
        // row, and the dates and ids inside JSON row images on most of them
        @SuppressWarnings("unchecked")
        java.util.Set<String>[] checked = new java.util.Set[columns.size()]; // per column: the whole check depends on it
        for (int field = 0; field < checked.length; field++) {
            checked[field] = new java.util.HashSet<>();
        }
        CopyRows.forEach(batch.rows(), row -> {
            for (int field = 0; field < row.fields() && found[0] == null; field++) {
                if (row.isNull(field) || !checkable[field]) {
                    continue;
                }
                String value = WireText.decode(batch.wireTypes().get(field), row.bytes(field));
                String leak = checked[field].add(value) ? leak(qualified[field], value) : null;
                if (leak != null) {
                    String column = columns.get(field);
                    String rule = ruleOf.getOrDefault(qualified[field], "none");
                    found[0] = new Refusal(table, column, rule, "a value of the source reached the copy (" + leak + ")"
                            + (rule.equals("none") ? ": the column has no rule; give it one" : ": check the rule"));
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Whether {@code text}, a value of {@code column} ({@code schema.table.column}), holds a value of
     * the source. What counts is read from the class table ({@link PiiClass}), as the transformers
     * read it:
     * <ul>
     * <li>a column whose rule gives values of an identifying class: the whole value, in that class
     *     (its transformer drew again on any such hit);
     * <li>a column of quasi-identifiers (first names, cities, postal codes, dates): nothing, since
     *     such a fake may equal another row's value;
     * <li>free text and JSON ({@code scrub}): every source value of an identifying class inside it,
     *     a single word too (the scrubber replaced every one);
     * <li>a column without a rule: the whole value in any identifying class, and inside it tokens
     *     (emails, phones, ids, IBANs) and runs of two words or more; a kept column: the tokens inside.
     *     A token the source holds inside that very column is public, not a leak.
     * </ul>
     */
    public boolean leaks(String column, String text) {
        return leak(column, text) != null;
    }

    /** What of {@code text} is the source's, said without it ("the whole value, a full_name"), or null. */
    private String leak(String column, String text) {
        String rule = ruleOf.get(column);
        boolean kept = "keep".equals(rule);
        boolean open = rule == null || kept;
        PiiClass of = open ? null : PiiClass.ofRule(rule, optionsOf(column));
        if (of != null) {
            return of.identifying() && source.contains(of, text) ? "the whole value: a source " + of.label() : null;
        }
        if (!open && !rule.equals("scrub")) {
            return null; // emptied, a constant, a number, a recomputed search vector
        }
        if (!open) {
            for (String prose : FreeText.prose(text)) {
                for (Words.Span passage : FreeText.passages(prose)) {
                    if (source.contains(PiiClass.FREE_TEXT, prose.substring(passage.start(), passage.end()))) {
                        return (passage.start() == 0 && passage.end() == prose.length() ? "the whole value" : "a passage")
                                + ": a source " + PiiClass.FREE_TEXT.label();
                    }
                }
            }
        }
        if (rule == null && text.strip().length() >= Words.MIN_LENGTH) {
            PiiClass whole = matcher.whole(text);
            if (whole != null) {
                return "the whole value: a source " + whole.label();
            }
        }
        for (SourceMatcher.Match match : matcher.find(text, open ? 2 : 1)) {
            if (kept && !match.token()) {
                continue; // a kept column's words are the source's by decision; its emails and phones are not
            }
            if (open && match.token() && source.isPublic(column, text.substring(match.start(), match.end()))) {
                continue; // the source holds it in this very column, which nobody judged personal: public
            }
            return "a source " + match.of().label() + " inside";
        }
        return null;
    }

    private Map<String, String> optionsOf(String column) {
        for (ColumnRule rule : rules.rules()) {
            if (column.equals(rule.column())) {
                return rule.options();
            }
        }
        return Map.of();
    }
}
