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

    /** Passages longer than this many sentences are only looked at whole: a note is rarely longer. */
    public static final int MAX_SENTENCES = 6;

    /**
     * Where a source note could be in {@code prose}: the whole, then each run of consecutive sentences
     * (up to {@link #MAX_SENTENCES}) that is prose itself. A note may be another's with a sentence
     * before it ("Called on Monday. Howard renewed the membership."), which the whole does not show.
     */
    public static List<Words.Span> passages(String prose) {
        List<Words.Span> sentences = sentences(prose);
        List<Words.Span> passages = new ArrayList<>();
        passages.add(new Words.Span(0, prose.length()));
        if (sentences.size() < 2) {
            return passages;
        }
        for (int first = 0; first < sentences.size(); first++) {
            for (int last = first; last < sentences.size() && last - first < MAX_SENTENCES; last++) {
                if (first == 0 && last == sentences.size() - 1) {
                    continue; // the whole, already there
                }
                Words.Span run = new Words.Span(sentences.get(first).start(), sentences.get(last).end());
                if (isProse(prose.substring(run.start(), run.end()))) {
                    passages.add(run);
                }
            }
        }
        return passages;
    }

    /** The sentences of a text: each ends at {@code . ! ? ; :} before a space, or at a line break. */
    static List<Words.Span> sentences(String text) {
        List<Words.Span> sentences = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (start < 0 && !Character.isWhitespace(c)) {
                start = i;
            }
            boolean stop = ".!?;:".indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
            if (start >= 0 && (stop || c == '\n')) {
                int end = c == '\n' ? i : i + 1;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    sentences.add(new Words.Span(start, end));
                }
                start = -1;
            }
        }
        if (start >= 0) {
            int end = text.length();
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            sentences.add(new Words.Span(start, end));
        }
        return sentences;
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
