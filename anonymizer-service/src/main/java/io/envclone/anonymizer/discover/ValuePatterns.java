package io.envclone.anonymizer.discover;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that are personal by their shape: an email, a phone number, an IBAN (mod-97 valid), a
 * card number (Luhn valid), an IPv4 address, a password hash. A whole value is matched, or
 * ({@link #foundIn}) a value found inside free text.
 */
final class ValuePatterns {

    /** One shape, with the kind it reveals and how a reason names it ("look like emails"). */
    record Shape(Kind kind, String plural, Pattern pattern) {
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** International (+ and a country code) or national with a trunk 0: 9 to 10 digits, separators space . - */
    private static final Pattern PHONE = Pattern.compile(
            "(?:\\+\\d{1,3}[ .-]?(?:\\(0\\)[ .-]?)?\\d(?:[ .-]?\\d){6,11}|0\\d(?:[ .-]?\\d){7,8})");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}");
    private static final Pattern CARD = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern PASSWORD_HASH = Pattern.compile(
            "\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}|\\$argon2(?:id|i|d)\\$\\S+|\\{(?:SSHA|SHA|MD5|CRYPT)}\\S+");

    /** In order: the first shape a value has is the one it counts for (a card is not also read as a phone). */
    static final List<Shape> SHAPES = List.of(
            new Shape(Kind.EMAIL, "emails", EMAIL),
            new Shape(Kind.PASSWORD, "password hashes", PASSWORD_HASH),
            new Shape(Kind.IBAN, "IBANs", IBAN),
            new Shape(Kind.CARD, "card numbers", CARD),
            new Shape(Kind.PHONE, "phone numbers", PHONE),
            new Shape(Kind.IP_ADDRESS, "IP addresses", IPV4));

    private ValuePatterns() {
    }

    /** The shape of the whole value (spaces around it aside), if it has one. */
    static Optional<Shape> of(String value) {
        String trimmed = value.strip();
        return SHAPES.stream().filter(shape -> shape.pattern().matcher(trimmed).matches() && valid(shape.kind(), trimmed))
                .findFirst();
    }

    /** The first shape found somewhere inside {@code text} (an email in a message, an IP in a key). */
    static Optional<Shape> foundIn(String text) {
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            while (matcher.find()) {
                if (standsAlone(text, matcher) && valid(shape.kind(), matcher.group())) {
                    return Optional.of(shape);
                }
            }
        }
        return Optional.empty();
    }

    /** Not part of a longer number or word: "order 12345678901234" holds a number, "abc0612345678def" no phone. */
    private static boolean standsAlone(String text, Matcher found) {
        boolean before = found.start() == 0 || !Character.isLetterOrDigit(text.charAt(found.start() - 1));
        boolean after = found.end() == text.length() || !Character.isLetterOrDigit(text.charAt(found.end()));
        return before && after;
    }

    private static boolean valid(Kind kind, String value) {
        return switch (kind) {
            case IBAN -> ibanChecks(value.replace(" ", ""));
            case CARD -> luhn(value.replaceAll("[ -]", ""));
            default -> true;
        };
    }

    /** ISO 13616: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
    static boolean ibanChecks(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
        }
        return sum % 10 == 0;
    }
}
