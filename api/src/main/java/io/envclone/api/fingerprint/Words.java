package io.envclone.api.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text as the fingerprints and the leak checks see them: runs of letters and
 * digits, whatever separates them, so {@code Aaron Selby}, {@code aaron.selby} and
 * {@code AARON-SELBY} are the same two words.
 */
public final class Words {

    /** Shorter words and word sequences repeat by chance: they are neither added nor looked up alone. */
    public static final int MIN_LENGTH = 4;

    /** One word: where it starts and ends in the text. */
    public record Span(int start, int end) {
    }

    private Words() {
    }

    /** The words of {@code text}, lower case. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (Span span : spans(text)) {
            words.add(text.substring(span.start(), span.end()).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Where the words of {@code text} are. */
    public static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                spans.add(new Span(start, i));
                start = -1;
            }
        }
        return spans;
    }
}
