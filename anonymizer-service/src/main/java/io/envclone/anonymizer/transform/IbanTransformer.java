package io.envclone.anonymizer.transform;

import java.math.BigInteger;
import java.util.Locale;

/**
 * IBANs, format kept: the country and the length stay, digits stay digits and letters letters,
 * spaces stay where they were, the account's digits are a keyed permutation of the real ones
 * (distinct accounts stay distinct), and the two check digits are computed again (ISO 13616, mod 97),
 * so the fake passes every validator the real one passed.
 */
final class IbanTransformer implements Transformer {

    private final KeyedHash hash;
    private final DecimalPermutation permutation;
    private final RealValues real;

    IbanTransformer(KeyedHash hash, RealValues real) {
        this.hash = hash;
        this.permutation = new DecimalPermutation(hash, "iban");
        this.real = real;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || !Character.isLetter(compact.charAt(0)) || !Character.isLetter(compact.charAt(1))) {
            return DigitShapes.replaceDigits(value, 0, hash.digits("iban", compact)); // not an IBAN: its digits
        }
        // the account's digits permuted (distinct accounts stay distinct), its letters from the hash
        return permutation.draw(DigitShapes.digitsOf(compact.substring(4)), real, drawn -> render(value, compact, drawn));
    }

    private String render(String value, String compact, String digits) {
        KeyedHash.DigitStream letters = hash.digits("iban", compact);
        String original = compact.substring(4);
        StringBuilder bban = new StringBuilder();
        int next = 0;
        for (char c : original.toCharArray()) {
            bban.append(Character.isDigit(c) ? digits.charAt(next++) : Character.isLetter(c) ? letters.nextLetter() : c);
        }
        String country = compact.substring(0, 2);
        return respace(value, country + checkDigits(country, bban.toString()) + bban);
    }

    static String checkDigits(String country, String bban) {
        int remainder = mod97(bban + country + "00");
        int check = 98 - remainder;
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    static boolean valid(String iban) {
        String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.length() > 4 && mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    private static int mod97(String text) {
        StringBuilder numeric = new StringBuilder();
        for (char c : text.toCharArray()) {
            numeric.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    /** {@code fake} with the spaces of {@code original} where they were. */
    private static String respace(String original, String fake) {
        StringBuilder out = new StringBuilder(original.length());
        int next = 0;
        for (int i = 0; i < original.length() && next < fake.length(); i++) {
            out.append(original.charAt(i) == ' ' ? ' ' : fake.charAt(next++));
        }
        out.append(fake, next, fake.length());
        return out.toString();
    }
}
