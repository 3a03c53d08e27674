package io.envclone.anonymizer.transform;

import java.util.Set;

/**
 * Phone numbers, format kept: country code or trunk {@code 0}, the first digit of the national
 * number (the operator: 05, 06 and 07 are three Algerian networks), every separator and the
 * length stay; the other digits are replaced. The replacement depends on the national number
 * only, and is a keyed permutation of it (distinct phones stay distinct), so one phone written {@code +213 555 12 34 56}, {@code 0555123456} or {@code 0555.12.34.56}
 * becomes one fake phone written the same three ways.
 */
final class PhoneTransformer implements Transformer {

    /** E.164 country codes of two digits; codes starting with 1 or 7 have one, all others three. */
    private static final Set<String> TWO_DIGIT_CODES = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39", "40",
            "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
            "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    private final KeyedHash hash;
    private final DecimalPermutation permutation;
    private final RealValues real;

    PhoneTransformer(KeyedHash hash, RealValues real) {
        this.hash = hash;
        this.permutation = new DecimalPermutation(hash, "phone");
        this.real = real;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String digits = DigitShapes.digitsOf(value);
        int prefix = prefixLength(value.strip(), digits);
        if (digits.length() - prefix < 4) {
            return DigitShapes.replaceDigits(value, 0, hash.digits("phone", digits)); // too short to be a phone: all digits
        }
        // keep the prefix and the national number's first digit; permute the rest: distinct phones stay distinct
        return permutation.draw(digits.substring(prefix + 1), real,
                drawn -> DigitShapes.withDigits(value, prefix + 1, drawn));
    }

    /** Digits before the national number: the country code (after + or 00), or the trunk 0. */
    static int prefixLength(String value, String digits) {
        if (value.startsWith("+")) {
            return countryCodeLength(digits);
        }
        if (digits.startsWith("00") && digits.length() > 10) {
            return 2 + countryCodeLength(digits.substring(2));
        }
        return digits.startsWith("0") ? 1 : 0;
    }

    private static int countryCodeLength(String digits) {
        if (digits.startsWith("1") || digits.startsWith("7")) {
            return 1;
        }
        return digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : Math.min(3, digits.length());
    }
}
