package io.envclone.api.fingerprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the source's identifying values inside a text with the clone's fingerprints: the tokens
 * people write (emails, IBANs, ids, phone-length digit runs in any spelling), and every run of one
 * to {@value SourceFingerprints#MAX_WORDS} words (a full name, a login, a street address), each
 * looked up by class. The anonymizer replaces what it finds; the leak gate and the final scan refuse
 * what they find: the same finder, so they always agree.
 */
public final class SourceMatcher {

    /** A source value inside the text: where, of which class, and whether it is a token (not words). */
    public record Match(int start, int end, PiiClass of, boolean token) {
    }

    /**
     * A run of digits with the separators phones are written with, not glued to a letter: the digits
     * inside a hash, a token or a fake login ({@code user-3f1234567890ab}) are nobody's phone, and
     * among a million of them some would end like one of 50,000 phones.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{L}\\d])[+(]?[0-9][0-9 ().-]*[0-9](?![\\p{L}\\d])");
    private static final PiiClass NONE = null;
    private static final int CACHE = 200_000;

    private final SourceFingerprints source;
    /** Lookups answer the same every time; names, statuses and dates repeat on most rows. */
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private static final Object MISS = new Object();

    public SourceMatcher(SourceFingerprints source) {
        this.source = source;
    }

    /** A token of a text and the class of value it is. */
    public record Token(String text, PiiClass of) {
    }

    /**
     * The tokens of {@code text} that name someone by themselves, the text itself included when it is
     * one: emails, IBANs, ids of 13 to 19 digits, phones, and phone-length digit runs (9 to 15 digits
     * in any spelling). What the cloner adds to the fingerprints from free text, and the public
     * tokens of columns without a rule.
     */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>(2);
        if (!TextPatterns.hasDigitOrAt(text)) {
            return tokens;
        }
        List<int[]> at = new ArrayList<>(2);
        Matcher token = TextPatterns.LEAK_TOKENS.matcher(text);
        while (token.find()) {
            String found = token.group();
            PiiClass of = found.indexOf('@') >= 0 ? PiiClass.EMAIL : Character.isLetter(found.charAt(0)) ? PiiClass.IBAN
                    : found.replaceAll("\\D", "").length() >= 13 && !found.startsWith("+") ? PiiClass.NATIONAL_ID
                    : PiiClass.PHONE;
            tokens.add(new Token(found, of));
            at.add(new int[] {token.start(), token.end()});
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            int digits = run.group().replaceAll("\\D", "").length();
            int start = run.start();
            int end = run.end();
            if (digits >= 9 && digits <= 15 && at.stream().noneMatch(span -> start < span[1] && span[0] < end)) {
                tokens.add(new Token(run.group(), PiiClass.PHONE));
            }
        }
        return tokens;
    }

    /** Whether {@code value}, whole, is a source value of class {@code of}. */
    public boolean contains(PiiClass of, String value) {
        return source.contains(of, value);
    }

    /** The first identifying class holding {@code value} whole, or null. */
    public PiiClass whole(String value) {
        return lookup(value);
    }

    /**
     * The source values inside {@code text}, in order, not overlapping. {@code minWords}: the
     * fewest words a match of words may have (2 where a single word is too likely a chance, as in
     * text nobody judged personal).
     */
    public List<Match> find(String text, int minWords) {
        List<Match> found = new ArrayList<>();
        if (TextPatterns.hasDigitOrAt(text)) {
            tokens(text, TextPatterns.LEAK_TOKENS.matcher(text), found);
            Matcher run = DIGIT_RUN.matcher(text);
            while (run.find()) {
                int digits = run.group().replaceAll("\\D", "").length();
                if (digits >= 9 && digits <= 15 && !overlaps(found, run.start(), run.end())) {
                    PiiClass of = lookup(run.group());
                    if (of != null) {
                        found.add(new Match(run.start(), run.end(), of, true));
                    }
                }
            }
        }
        List<Words.Span> words = Words.spans(text);
        for (int i = 0; i < words.size(); ) {
            int taken = 0;
            for (int n = Math.min(SourceFingerprints.MAX_WORDS, words.size() - i); n >= minWords && taken == 0; n--) {
                int start = words.get(i).start();
                int end = words.get(i + n - 1).end();
                if (overlaps(found, start, end)) {
                    continue;
                }
                String joined = joined(text, words, i, n);
                if (joined.length() < Words.MIN_LENGTH) {
                    continue;
                }
                PiiClass of = lookup(joined);
                if (of != null) {
                    found.add(new Match(start, end, of, false));
                    taken = n;
                }
            }
            i += Math.max(1, taken);
        }
        found.sort(Comparator.comparingInt(Match::start));
        return found;
    }

    private void tokens(String text, Matcher token, List<Match> found) {
        while (token.find()) {
            PiiClass of = lookup(token.group());
            if (of != null) {
                found.add(new Match(token.start(), token.end(), of, true));
            }
        }
    }

    private static String joined(String text, List<Words.Span> words, int from, int count) {
        StringBuilder joined = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            if (i > from) {
                joined.append(' ');
            }
            joined.append(text, words.get(i).start(), words.get(i).end());
        }
        return joined.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean overlaps(List<Match> found, int start, int end) {
        for (Match match : found) {
            if (start < match.end() && match.start() < end) {
                return true;
            }
        }
        return false;
    }

    private PiiClass lookup(String value) {
        Object known = cache.get(value);
        if (known == null) {
            PiiClass of = source.identifying(value);
            known = of == null ? MISS : of;
            if (cache.size() > CACHE) {
                cache.clear();
            }
            cache.put(value, known);
        }
        return known == MISS ? NONE : (PiiClass) known;
    }
}
