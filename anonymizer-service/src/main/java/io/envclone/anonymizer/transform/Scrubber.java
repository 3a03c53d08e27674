package io.envclone.anonymizer.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.envclone.api.fingerprint.FreeText;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceMatcher;
import io.envclone.api.fingerprint.TextPatterns;
import io.envclone.api.fingerprint.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scrub}, for free text and JSON: finds emails, IBANs, card numbers (and any other number of
 * 13 to 19 digits: national ids, accounts), and phone numbers (in any spelling) inside the text and replaces each with what its own transformer gives,
 * so a message that mentions a user's email mentions that user's fake email. The row's other
 * sensitive values (a name, an address) are replaced wherever they appear too. JSON keeps its
 * structure; a leaf is treated by its key ({@code email}, {@code phone}, {@code name}, ...) like
 * the column of that name, and any other string leaf is scrubbed as text.
 *
 * <p>A rule's {@code paths} ({@code guest.email: email}; arrays are crossed, so the path of an
 * array's elements is the array's) give leaves a transformer of their own, applied first; their
 * replaced values are then replaced wherever they appear in the other leaves too. Without
 * {@code scrubRest} (a {@code keep} rule with paths) only the paths change.
 */
final class Scrubber implements Transformer {

    private static final Pattern FINDINGS = Pattern.compile(String.join("|",
            "(?<email>" + TextPatterns.EMAIL + ")",
            "(?<iban>" + TextPatterns.IBAN + ")",
            "(?<number>" + TextPatterns.ID_NUMBER + ")",
            "(?<phone>" + TextPatterns.PHONE + ")",
            // a link's secret: the value of a token, key, code or signature parameter (a password reset link)
            "(?<secret>(?<=[?&](?i:token|access_token|key|api_key|apikey|secret|code|sig|signature|auth|password|pwd)=)"
                    + "[^&#\\s\"']{6,})"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transformer email;
    private final Transformer phone;
    private final Transformer iban;
    private final Transformer card;
    private final Transformer nationalId;
    private final Map<String, Transformer> byKey;
    private final Map<String, Transformer> byPath;
    private final boolean scrubRest;
    /** The source's values inside text, by the clone's fingerprints; null when none were given. */
    private final SourceMatcher source;
    private final Map<PiiClass, Transformer> byClass;

    /** {@code byKey}: the transformer of a JSON leaf by its key, lower case ({@code email}, {@code phone}, ...). */
    Scrubber(Transformer email, Transformer phone, Transformer iban, Transformer card, Transformer nationalId,
            Map<String, Transformer> byKey) {
        this(email, phone, iban, card, nationalId, byKey, Map.of(), true, null, Map.of());
    }

    private Scrubber(Transformer email, Transformer phone, Transformer iban, Transformer card, Transformer nationalId,
            Map<String, Transformer> byKey, Map<String, Transformer> byPath, boolean scrubRest, SourceMatcher source,
            Map<PiiClass, Transformer> byClass) {
        this.email = email;
        this.phone = phone;
        this.iban = iban;
        this.card = card;
        this.nationalId = nationalId;
        this.byKey = Map.copyOf(byKey);
        this.byPath = Map.copyOf(byPath);
        this.scrubRest = scrubRest;
        this.source = source;
        this.byClass = Map.copyOf(byClass);
    }

    /** This scrubber with transformers for JSON paths; {@code scrubRest} false: every other leaf is kept as it is. */
    Scrubber withPaths(Map<String, Transformer> paths, boolean scrubRest) {
        return new Scrubber(email, phone, iban, card, nationalId, byKey, paths, scrubRest, source, byClass);
    }

    /** This scrubber replacing, too, the source values the fingerprints find in text, each by its class's transformer. */
    Scrubber withSource(SourceMatcher source, Map<PiiClass, Transformer> byClass) {
        return new Scrubber(email, phone, iban, card, nationalId, byKey, byPath, scrubRest, source, byClass);
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String trimmed = value.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode tree = JSON.readTree(value);
                Row withLeafValues = byPath.isEmpty() && !scrubRest ? row : new PathValues(row);
                if (!byPath.isEmpty()) {
                    walk(tree, null, "", withLeafValues, Pass.PATHS);
                }
                if (scrubRest) {
                    // keyed leaves first: a row image's first_name is then found, replaced alike, in its notes
                    walk(tree, null, "", withLeafValues, Pass.KEYS);
                    walk(tree, null, "", withLeafValues, Pass.REST);
                    setApart(tree, withLeafValues); // whatever pass made a leaf, it is never a source note whole
                }
                return JSON.writeValueAsString(tree);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // text that starts like JSON: scrub it as text
            }
        }
        return scrubRest ? scrubText(value, row) : value;
    }

    /** The passes over a JSON document, in this order: leaves a path names, leaves a key names, the rest. */
    private enum Pass { PATHS, KEYS, REST }

    /**
     * Replaces the leaves under {@code node} in place, those of {@code pass}. Paths and keys record
     * what they replaced in the row, so the text of the rest does not show it either.
     */
    private JsonNode walk(JsonNode node, String key, String path, Row row, Pass pass) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                field.setValue(walk(field.getValue(), field.getKey(), at, row, pass));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), key, path, row, pass));
            }
            return array;
        }
        Transformer own = byPath.get(path);
        if (pass == Pass.PATHS) {
            return own == null || node.isNull() ? node : leaf(node, own.apply(node.asText(), row), row);
        }
        if (own != null || !node.isTextual()) {
            return node; // done in the paths pass; numbers, booleans, null: no text to hide
        }
        Transformer keyed = key == null ? null : byKey.get(key.toLowerCase(Locale.ROOT));
        if (pass == Pass.KEYS) {
            return keyed == null ? node : leaf(node, keyed.apply(node.asText(), row), row);
        }
        return keyed != null ? node : new TextNode(scrubbed(node.asText(), row)); // setApart follows
    }

    /** Every text leaf that is a source note whole, set apart as {@link #scrubText} sets apart a text. */
    private void setApart(JsonNode node, Row row) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(new TextNode(apart(field.getValue().asText(), row)));
                } else {
                    setApart(field.getValue(), row);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, new TextNode(apart(array.get(i).asText(), row)));
                } else {
                    setApart(array.get(i), row);
                }
            }
        }
    }

    /** A path's replacement, a number where the original was one and the replacement still is. */
    private static JsonNode leaf(JsonNode original, String replaced, Row row) {
        if (replaced == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        if (original.isTextual() && original.asText().strip().length() >= OWN_VALUE_LENGTH) {
            row.replacements().put(original.asText(), replaced);
        }
        if (original.isNumber()) {
            try {
                return new com.fasterxml.jackson.databind.node.DecimalNode(new java.math.BigDecimal(replaced));
            } catch (NumberFormatException text) {
                return new TextNode(replaced);
            }
        }
        return new TextNode(replaced);
    }

    /** The row, with the values its JSON paths replaced added to what its text must not show. */
    private static final class PathValues implements Row {
        private final Row row;
        private final Map<String, String> replacements;

        PathValues(Row row) {
            this.row = row;
            this.replacements = new java.util.HashMap<>(row.replacements());
        }

        @Override
        public String column(String column) {
            return row.column(column);
        }

        @Override
        public String index() {
            return row.index();
        }

        @Override
        public Map<String, String> replacements() {
            return replacements;
        }
    }

    /** A piece of the text to replace, and by what. */
    private record Span(int start, int end, java.util.function.UnaryOperator<String> by) {
    }

    /**
     * One pass over the original text, so no fake is read again: every email, IBAN, long number and
     * phone by its pattern; then the source's values the fingerprints find (full names, logins,
     * addresses, phone digits in any spelling), each replaced as its own column would be; then the
     * row's own replaced values, whatever their case, on word boundaries. Where two overlap, the first
     * found wins.
     */
    String scrubText(String text, Row row) {
        return apart(scrubbed(text, row), row);
    }

    /** {@link #scrubText} but for setting apart a source note, which a JSON document's last pass does for every leaf. */
    private String scrubbed(String text, Row row) {
        String out = replaced(text, row, true);
        // a fake that is by chance a source value of some class (a fake first name that is someone's login) is replaced
        // again, as a fake column value is drawn again: what comes out is what the leak gate accepts
        for (int again = 0; again < 2 && source != null && !source.find(out, 1).isEmpty(); again++) {
            out = replaced(out, row, false);
        }
        return out;
    }

    /** A note that is a source note whole (nothing personal in it, or another row's once its name was replaced), set apart. */
    private String apart(String text, Row row) {
        Transformer apart = byClass == null ? null : byClass.get(PiiClass.FREE_TEXT);
        if (apart == null || source == null || !FreeText.isProse(text)) {
            return text;
        }
        String out = text;
        // each passage that is a source note becomes one fake sentence; what is left is looked at again
        for (int again = 0; again <= FreeText.MAX_SENTENCES; again++) {
            Words.Span note = sourceNote(out);
            if (note == null) {
                return out;
            }
            out = out.substring(0, note.start()) + apart.apply(out.substring(note.start(), note.end()), row) + out.substring(note.end());
        }
        return out;
    }

    private Words.Span sourceNote(String text) {
        for (Words.Span passage : FreeText.passages(text)) {
            if (source.contains(PiiClass.FREE_TEXT, text.substring(passage.start(), passage.end()))) {
                return passage;
            }
        }
        return null;
    }

    private String replaced(String text, Row row, boolean all) {
        List<Span> spans = new ArrayList<>();
        Matcher found = all && TextPatterns.hasDigitOrAt(text) ? FINDINGS.matcher(text) : null;
        while (found != null && found.find()) {
            Transformer by = replacement(found);
            spans.add(new Span(found.start(), found.end(), value -> by.apply(value, row)));
        }
        if (source != null) {
            for (SourceMatcher.Match match : source.find(text, 1)) {
                Transformer by = byClass.get(match.of());
                if (by != null && free(spans, match.start(), match.end())) {
                    spans.add(new Span(match.start(), match.end(), value -> by.apply(value, row)));
                }
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> known : all ? row.replacements().entrySet() : Map.<String, String>of().entrySet()) {
            String original = known.getKey().strip().toLowerCase(Locale.ROOT);
            if (original.length() < OWN_VALUE_LENGTH || known.getValue() == null || original.length() != known.getKey().strip().length()) {
                continue;
            }
            for (int at = lower.indexOf(original); at >= 0; at = lower.indexOf(original, at + 1)) {
                int end = at + original.length();
                if (boundary(text, at - 1) && boundary(text, end) && free(spans, at, end)) {
                    String fake = known.getValue();
                    spans.add(new Span(at, end, value -> inCaseOf(value, fake)));
                }
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        for (Span span : spans) {
            out.append(text, copied, span.start());
            String replaced = span.by().apply(text.substring(span.start(), span.end()));
            out.append(replaced == null ? "" : replaced);
            copied = span.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The row's own values this short or shorter are initials and particles, not worth hunting in text. */
    private static final int OWN_VALUE_LENGTH = 3;

    private static boolean free(List<Span> spans, int start, int end) {
        for (Span span : spans) {
            if (start < span.end() && span.start() < end) {
                return false;
            }
        }
        return true;
    }

    private static boolean boundary(String text, int at) {
        return at < 0 || at >= text.length() || !Character.isLetterOrDigit(text.charAt(at));
    }

    /** {@code fake} written as {@code found} is: in capitals, in lower case, or as it is. */
    private static String inCaseOf(String found, String fake) {
        boolean letters = !found.equals(found.toLowerCase(Locale.ROOT));
        if (found.equals(found.toUpperCase(Locale.ROOT)) && letters) {
            return fake.toUpperCase(Locale.ROOT);
        }
        if (found.equals(found.toLowerCase(Locale.ROOT)) && !found.equals(found.toUpperCase(Locale.ROOT))) {
            return fake.toLowerCase(Locale.ROOT);
        }
        return fake;
    }

    private Transformer replacement(Matcher found) {
        if (found.group("email") != null) {
            return email;
        }
        if (found.group("iban") != null) {
            return iban;
        }
        if (found.group("secret") != null) {
            return byKey.get("password");
        }
        if (found.group("number") != null) {
            // a Luhn-valid number is a card and stays valid; any other long number (an id, a mistyped card) is hidden too
            return DigitShapes.passesLuhn(found.group()) ? card : nationalId;
        }
        return phone;
    }

}
