package io.envclone.anonymizer.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value template: text with {@code {hash}} (keyed hash of the input), {@code {index}} (the row's
 * primary key: the same in every run, never a counter that depends on batch order) and
 * {@code {column:name}} (the keyed hash of another column of the row, never its value).
 * Placeholders are checked when the rule is read: an unknown one is an error naming it.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String text;
    private final String domain;
    private final KeyedHash hash;
    private final boolean usesIndex;
    private final boolean usesHash;

    Template(String text, String domain, KeyedHash hash) {
        this.text = text;
        this.domain = domain;
        this.hash = hash;
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        boolean index = false;
        boolean hashed = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            index |= name.equals("index");
            hashed |= name.equals("hash");
            if (!name.equals("hash") && !name.equals("index") && !name.matches("column:[^:]+")) {
                unknown.add("{" + name + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("template \"" + text + "\" has unknown placeholders " + unknown
                    + ": use {hash}, {index} or {column:<name>}");
        }
        this.usesIndex = index;
        this.usesHash = hashed;
    }

    String render(String value, Row row) {
        return render(value, row, 1);
    }

    /** The rendering of the {@code draw}-th draw: {@code {hash}} from the keyed derivation of that draw (1: the first). */
    String render(String value, Row row, int draw) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.equals("hash")) {
                replacement = hash.token(draw == 1 ? domain : domain + "#draw" + draw, normalized(value), 16);
            } else if (name.equals("index")) {
                replacement = row.index();
                if (replacement == null) {
                    throw new IllegalArgumentException("template \"" + text
                            + "\" uses {index}, but the table has no primary key to take it from: use {hash}");
                }
            } else {
                String other = row.column(name.substring("column:".length()));
                replacement = other == null ? "" : hash.token(domain + ":column", normalized(other), 12);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    boolean usesIndex() {
        return usesIndex;
    }

    boolean usesHash() {
        return usesHash;
    }

    static String normalized(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
