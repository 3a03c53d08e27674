package io.envclone.anonymizer.batch;

import io.envclone.api.anonymize.ColumnRule;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which rules keep a unique column unique by construction: the format-preserving permutations
 * (phone, national id, card, IBAN: distinct inputs, distinct outputs), templates and emails with
 * {@code {index}} (the primary key) or {@code {hash}} (64 keyed bits), {@code hash} of 16 hex
 * digits or more, and those that keep or empty the value. A fake name, address, date or amount
 * is drawn from a finite pool or range, so two rows can get the same one: refused.
 */
final class UniqueSafety {

    private static final Set<String> PERMUTATIONS = Set.of("phone", "national_id", "card", "iban", "financial");
    private static final Set<String> UNTOUCHED = Set.of("keep", "null", "tsvector");

    private UniqueSafety() {
    }

    static Optional<String> problem(ColumnRule rule) {
        String type = rule.type().toLowerCase(Locale.ROOT);
        if (PERMUTATIONS.contains(type) || UNTOUCHED.contains(type)) {
            return Optional.empty();
        }
        if (type.equals("hash")) {
            int length = Integer.parseInt(rule.option("length", "16"));
            return length >= 16 ? Optional.empty()
                    : Optional.of("is unique, and a hash of " + length + " hex digits can repeat: give length 16 or more");
        }
        if (type.equals("email") || type.equals("template") || type.equals("custom") || type.equals("username")) {
            String template = rule.option("template", type.equals("email") || type.equals("username") ? "{hash}" : "");
            return template.contains("{hash}") || template.contains("{index}") ? Optional.empty()
                    : Optional.of("is unique, and the template \"" + template + "\" has neither {hash} nor {index}:"
                            + " add one, e.g. \"user-{index}@test.local\"");
        }
        return Optional.of("is unique, and " + type + " can give two rows the same value: use a template with {index}"
                + " or {hash} (e.g. {type: template, options: {template: \"" + type + "-{hash}\"}}) or hash");
    }
}
