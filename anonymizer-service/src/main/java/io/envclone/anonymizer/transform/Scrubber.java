package io.envclone.anonymizer.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.envclone.api.fingerprint.TextPatterns;
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
            "(?<phone>" + TextPatterns.PHONE + ")"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transformer email;
    private final Transformer phone;
    private final Transformer iban;
    private final Transformer card;
    private final Transformer nationalId;
    private final Map<String, Transformer> byKey;
    private final Map<String, Transformer> byPath;
    private final boolean scrubRest;

    /** {@code byKey}: the transformer of a JSON leaf by its key, lower case ({@code email}, {@code phone}, ...). */
    Scrubber(Transformer email, Transformer phone, Transformer iban, Transformer card, Transformer nationalId,
            Map<String, Transformer> byKey) {
        this(email, phone, iban, card, nationalId, byKey, Map.of(), true);
    }

    private Scrubber(Transformer email, Transformer phone, Transformer iban, Transformer card, Transformer nationalId,
            Map<String, Transformer> byKey, Map<String, Transformer> byPath, boolean scrubRest) {
        this.email = email;
        this.phone = phone;
        this.iban = iban;
        this.card = card;
        this.nationalId = nationalId;
        this.byKey = Map.copyOf(byKey);
        this.byPath = Map.copyOf(byPath);
        this.scrubRest = scrubRest;
    }

    /** This scrubber with transformers for JSON paths; {@code scrubRest} false: every other leaf is kept as it is. */
    Scrubber withPaths(Map<String, Transformer> paths, boolean scrubRest) {
        return new Scrubber(email, phone, iban, card, nationalId, byKey, paths, scrubRest);
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
                Row withPathValues = byPath.isEmpty() ? row : new PathValues(row);
                if (!byPath.isEmpty()) {
                    walk(tree, null, "", withPathValues, true);
                }
                if (scrubRest) {
                    walk(tree, null, "", withPathValues, false);
                }
                return JSON.writeValueAsString(tree);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // text that starts like JSON: scrub it as text
            }
        }
        return scrubRest ? scrubText(value, row) : value;
    }

    /**
     * Replaces the leaves under {@code node} in place: in the {@code paths} pass only those a path
     * names, otherwise every other one, by its key or as text.
     */
    private JsonNode walk(JsonNode node, String key, String path, Row row, boolean paths) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                field.setValue(walk(field.getValue(), field.getKey(), at, row, paths));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), key, path, row, paths));
            }
            return array;
        }
        Transformer own = byPath.get(path);
        if (paths) {
            return own == null || node.isNull() ? node : leaf(node, own.apply(node.asText(), row), row);
        }
        if (own != null || !node.isTextual()) {
            return node; // done in the paths pass; numbers, booleans, null: no text to hide
        }
        Transformer leaf = key == null ? null : byKey.get(key.toLowerCase(Locale.ROOT));
        return new TextNode(leaf != null ? leaf.apply(node.asText(), row) : scrubText(node.asText(), row));
    }

    /** A path's replacement, a number where the original was one and the replacement still is. */
    private static JsonNode leaf(JsonNode original, String replaced, Row row) {
        if (replaced == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        if (original.isTextual() && original.asText().length() >= 4) {
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

    String scrubText(String text, Row row) {
        // one pass, first kind that matches wins: a replaced IBAN is never read again as a long number
        String out = text;
        Matcher found = TextPatterns.hasDigitOrAt(text) ? FINDINGS.matcher(out) : null;
        if (found != null && found.find()) {
            StringBuilder result = new StringBuilder(out.length());
            do {
                found.appendReplacement(result, Matcher.quoteReplacement(replacement(found).apply(found.group(), row)));
            } while (found.find());
            found.appendTail(result);
            out = result.toString();
        }
        // then the row's own values (a name, an address) wherever they appear; last, so no fake is replaced again
        for (Map.Entry<String, String> known : row.replacements().entrySet()) {
            if (known.getKey().length() >= 4 && known.getValue() != null) {
                out = out.replace(known.getKey(), known.getValue());
            }
        }
        return out;
    }

    private Transformer replacement(Matcher found) {
        if (found.group("email") != null) {
            return email;
        }
        if (found.group("iban") != null) {
            return iban;
        }
        if (found.group("number") != null) {
            // a Luhn-valid number is a card and stays valid; any other long number (an id, a mistyped card) is hidden too
            return DigitShapes.passesLuhn(found.group()) ? card : nationalId;
        }
        return phone;
    }

}
