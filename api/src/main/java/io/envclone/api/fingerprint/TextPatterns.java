package io.envclone.api.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an email, an IBAN and a long number are found inside free text, one definition for all that
 * look: the anonymizer's scrubber, which replaces them, the validator's leak gate, which looks them
 * up in the source's fingerprints, and the cloner, which puts them there. The strings are regular
 * expressions without groups, to embed in others.
 */
public final class TextPatterns {

    /**
     * An email, started where its local part starts and never giving characters back: linear in the
     * text, where trying it from every letter of every word was most of the scrubber's time.
     */
    public static final String EMAIL = "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@"
            + "[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";
    /** An IBAN as people write it: country, check digits, then groups of four with or without spaces. */
    public static final String IBAN = "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b";
    /**
     * A card or national id number: 13 to 19 digits, a space or dash at most between two, not glued
     * to a letter (the digits of a hash or a token are nobody's).
     */
    public static final String ID_NUMBER = "(?<![\\p{L}\\d+])\\d(?:[ -]?\\d){12,18}(?![\\p{L}\\d])";
    /** A phone number: an international prefix or a leading 0, then 8 to 12 digits with single separators. */
    public static final String PHONE = "(?:(?<![\\p{L}\\d])\\+\\d{1,3}[ .-]?|(?<![\\p{L}\\d+])0)\\d(?:[ .-]?\\d){7,11}(?![\\p{L}\\d])";
    /**
     * The tokens of a text that are personal on their own, in the order the scrubber tries them: what
     * it replaces, what the cloner fingerprints besides the whole value, and what the leak gate looks
     * up besides the whole field, so the three always agree. A price, a date, a count or the digits
     * inside a hexadecimal token are none of these.
     */
    public static final Pattern LEAK_TOKENS = Pattern.compile(String.join("|", EMAIL, IBAN, ID_NUMBER, PHONE));

    private TextPatterns() {
    }

    /**
     * The {@link #LEAK_TOKENS} inside {@code text}, in order, but not the text itself when it is one
     * token whole (it is looked up or added as itself).
     */
    public static List<String> leakTokens(String text) {
        if (!hasDigitOrAt(text)) {
            return List.of(); // every token holds a digit or an @: most text is done here
        }
        List<String> tokens = new ArrayList<>(2);
        Matcher token = LEAK_TOKENS.matcher(text);
        while (token.find()) {
            if (token.end() - token.start() < text.length()) {
                tokens.add(token.group());
            }
        }
        return tokens;
    }

    /** Whether {@code text} is one token whole: an email, a long number or an IBAN. */
    public static boolean isLeakToken(String text) {
        return hasDigitOrAt(text) && LEAK_TOKENS.matcher(text).matches();
    }

    /** Every token holds a digit or an {@code @}: a text without either (most JSON leaves, most prose) holds none. */
    public static boolean hasDigitOrAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '@') {
                return true;
            }
        }
        return false;
    }
}
