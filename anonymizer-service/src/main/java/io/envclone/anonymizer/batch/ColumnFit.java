package io.envclone.anonymizer.batch;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a fake fit its column's declared length ({@code character varying(n)}, {@code character(n)}),
 * as old schemas are full of narrow columns. A fake whose meaning survives a cut (a name, a login, a
 * hash, free text) is cut to fit; one that a cut would break (an email, a phone, an IBAN, a card, a
 * date) is refused, naming the column, its rule and the fix, before the batch is sent on.
 */
final class ColumnFit {

    private static final Pattern LENGTH = Pattern.compile("^(?:character varying|varchar|character|char|bpchar)\\((\\d+)\\)");
    private static final Set<String> CUTTABLE = Set.of("name", "first_name", "last_name", "company", "city", "address",
            "username", "template", "custom", "hash", "password", "scrub");

    private ColumnFit() {
    }

    /** The most characters a value of {@code declaredType} may have, or -1 when it says no limit. */
    static int maxLength(String declaredType) {
        Matcher length = declaredType == null ? null : LENGTH.matcher(declaredType);
        return length != null && length.find() ? Integer.parseInt(length.group(1)) : -1;
    }

    /** {@code fake}, cut to {@code max} characters where a cut keeps it a fake of its kind; else refused. */
    static String fit(String fake, int max, String rule, String column) {
        if (fake == null || max < 0 || fake.codePointCount(0, fake.length()) <= max) {
            return fake;
        }
        if (!CUTTABLE.contains(rule)) {
            throw new IllegalArgumentException(column + " (rule " + rule + "): its fake values are longer than the "
                    + max + " characters the column holds: give it a rule whose values fit (a template such as"
                    + " u{hash}@x.io for an email), or widen the column in the source");
        }
        return fake.substring(0, fake.offsetByCodePoints(0, max)).stripTrailing();
    }
}
