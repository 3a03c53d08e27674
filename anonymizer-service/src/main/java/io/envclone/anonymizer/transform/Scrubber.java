package io.envclone.anonymizer.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
 */
final class Scrubber implements Transformer {

    private static final Pattern FINDINGS = Pattern.compile(String.join("|",
            "(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
            "(?<iban>\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b)",
            "(?<number>(?<![\\d+])\\d(?:[ -]?\\d){12,18}(?!\\d))",
            "(?<phone>(?:\\+\\d{1,3}[ .-]?|(?<![\\d+])0)\\d(?:[ .-]?\\d){7,11}(?!\\d))"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transformer email;
    private final Transformer phone;
    private final Transformer iban;
    private final Transformer card;
    private final Transformer nationalId;
    private final Map<String, Transformer> byKey;

    /** {@code byKey}: the transformer of a JSON leaf by its key, lower case ({@code email}, {@code phone}, ...). */
    Scrubber(Transformer email, Transformer phone, Transformer iban, Transformer card, Transformer nationalId,
            Map<String, Transformer> byKey) {
        this.email = email;
        this.phone = phone;
        this.iban = iban;
        this.card = card;
        this.nationalId = nationalId;
        this.byKey = Map.copyOf(byKey);
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
                return JSON.writeValueAsString(scrubJson(tree, null, row));
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // text that starts like JSON: scrub it as text
            }
        }
        return scrubText(value, row);
    }

    private JsonNode scrubJson(JsonNode node, String key, Row row) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(scrubJson(field.getValue(), field.getKey(), row));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrubJson(array.get(i), key, row));
            }
            return array;
        }
        if (node.isTextual()) {
            Transformer leaf = key == null ? null : byKey.get(key.toLowerCase(Locale.ROOT));
            return new TextNode(leaf != null ? leaf.apply(node.asText(), row) : scrubText(node.asText(), row));
        }
        return node; // numbers, booleans, null: no text to hide
    }

    String scrubText(String text, Row row) {
        // one pass, first kind that matches wins: a replaced IBAN is never read again as a long number
        String out = text;
        Matcher found = FINDINGS.matcher(out);
        if (found.find()) {
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
