package io.envclone.api.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The prose of a free-text or JSON column ({@code scrub}): each text of three words or more, whole,
 * or each such leaf of a JSON document. A person's note is theirs whole ("Agnes renewed the
 * membership."): a copy must not hold one, even where the scrubbing left it as it was or made it
 * another row's by giving it that row's first name. The cloner fingerprints these under
 * {@link PiiClass#FREE_TEXT}, the scrubber sets apart what would equal one, the gate refuses one.
 */
public final class FreeText {

    /** Fewer words are labels and statuses ({@code active}, {@code fr}), which repeat everywhere. */
    public static final int MIN_WORDS = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FreeText() {
    }

    /** Whether {@code text} is prose: three words or more that have a letter (a date or an amount is none). */
    public static boolean isProse(String text) {
        if (text == null) {
            return false;
        }
        int words = 0;
        for (String word : Words.of(text)) {
            if (word.chars().anyMatch(Character::isLetter) && ++words >= MIN_WORDS) {
                return true;
            }
        }
        return false;
    }

    /** The prose of a value: itself, or its JSON document's text leaves that are prose. */
    public static List<String> prose(String value) {
        List<String> found = new ArrayList<>(1);
        if (value == null || value.indexOf(' ') < 0) {
            return found;
        }
        String trimmed = value.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                leaves(JSON.readTree(value), found);
                return found;
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // text that starts like JSON: prose as it is
            }
        }
        if (isProse(value)) {
            found.add(value);
        }
        return found;
    }

    private static void leaves(JsonNode node, List<String> found) {
        if (node.isTextual()) {
            if (isProse(node.asText())) {
                found.add(node.asText());
            }
            return;
        }
        node.forEach(child -> leaves(child, found));
    }
}
