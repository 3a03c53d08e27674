package io.envclone.anonymizer.transform;

/**
 * Identifiers made of digits ({@code national_id}, {@code card}), format kept: length and
 * separators stay, the first {@code keep} digits stay, the others are permuted under the key
 * (distinct identifiers stay distinct), and with
 * {@code luhn} the last digit is a valid Luhn check digit again (cards always are).
 */
final class DigitsTransformer implements Transformer {

    private final DecimalPermutation permutation;
    private final int keep;
    private final boolean luhn;
    private final RealValues real;

    DigitsTransformer(KeyedHash hash, String domain, int keep, boolean luhn, RealValues real) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be 0 or more, was " + keep);
        }
        this.permutation = new DecimalPermutation(hash, domain);
        this.keep = keep;
        this.luhn = luhn;
        this.real = real;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String digits = DigitShapes.digitsOf(value);
        // a permutation of the free digits (the check digit excluded): distinct inputs, distinct outputs
        int end = luhn ? digits.length() - 1 : digits.length();
        if (end <= keep) {
            return value;
        }
        return permutation.draw(digits.substring(keep, end), real, drawn -> render(value, drawn));
    }

    private String render(String value, String drawn) {
        String fake = DigitShapes.withDigits(value, keep, drawn);
        return luhn ? DigitShapes.withLuhnCheckDigit(fake) : fake;
    }
}
