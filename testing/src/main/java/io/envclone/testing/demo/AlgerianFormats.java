package io.envclone.testing.demo;

import java.util.SplittableRandom;

/**
 * Algerian identifiers written by hand: datafaker has no Algerian locale, and formatting them
 * here is also much faster than a Faker call per value.
 */
final class AlgerianFormats {

    /** Mobile prefixes: 05 Ooredoo, 06 Mobilis, 07 Djezzy. */
    private static final RowRandom.Weights OPERATORS = new RowRandom.Weights(35, 35, 30);
    /** Bank codes of Algerian RIBs: BNA, BEA, BADR, CPA, BDL, Algérie Poste (CCP), AGB, Société Générale. */
    private static final String[] BANKS = {"001", "002", "003", "004", "005", "007", "032", "021"};
    private static final RowRandom.Weights BANK_WEIGHTS = new RowRandom.Weights(15, 12, 8, 12, 8, 30, 8, 7);

    private AlgerianFormats() {
    }

    /**
     * A mobile number as people type it: {@code 0551 23 45 67} (most), {@code +213 551 23 45 67},
     * or {@code 0551234567}.
     */
    static String mobilePhone(SplittableRandom random) {
        int operator = 5 + OPERATORS.pick(random);
        int subscriber = random.nextInt(100_000_000);
        String digits = operator + digits(subscriber, 8);
        int style = random.nextInt(10);
        if (style < 6) {
            return "0" + spaced(digits);
        }
        if (style < 9) {
            return "+213 " + spaced(digits);
        }
        return "0" + digits;
    }

    /** {@code 551234567} → {@code 551 23 45 67}. */
    private static String spaced(String nineDigits) {
        return nineDigits.substring(0, 3) + ' ' + nineDigits.substring(3, 5) + ' ' + nineDigits.substring(5, 7) + ' '
                + nineDigits.substring(7, 9);
    }

    /**
     * A {@code DZ} IBAN: 2 check digits, then the 20-digit RIB (bank 3, agency 5, account 10,
     * RIB key 2). CCP accounts of Algérie Poste use the agency 99999, as real ones do.
     * The RIB key makes the 20 digits a multiple of 97, so, as with FR76 in France, every such
     * IBAN gets the same check digits (DZ70): that is arithmetic, not a bug.
     */
    static String iban(SplittableRandom random) {
        String bank = BANKS[BANK_WEIGHTS.pick(random)];
        String agency = bank.equals("007") ? "99999" : digits(random.nextInt(100_000), 5);
        String account = digits(random.nextLong(10_000_000_000L), 10);
        String rib = bank + agency + account;
        String withKey = rib + digits(97 - mod97(rib + "00"), 2);
        int check = 98 - mod97(withKey + lettersAsDigits("DZ") + "00");
        return "DZ" + digits(check, 2) + withKey;
    }

    /** The ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
    static boolean isValidIban(String iban) {
        if (iban == null || !iban.matches("[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        return mod97(lettersAsDigits(rearranged)) == 1;
    }

    /**
     * An 18-digit national identification number (NIN-like): sex, year of birth, wilaya,
     * commune, an 8-digit serial and a mod-97 key. The serial is an affine map of the user id
     * modulo 10^8, a bijection, so two users never share a number.
     */
    static String nationalId(boolean female, int birthYear, int wilaya, int commune, long userId, long seed) {
        long serial = Math.floorMod(userId * 48_271L + RowRandom.mix(seed), 100_000_000L);
        String body = (female ? "2" : "1") + digits(birthYear % 100, 2) + digits(wilaya, 2) + digits(commune, 3)
                + digits(serial, 8);
        return body + digits(97 - mod97(body), 2);
    }

    static int mod97(CharSequence digits) {
        int remainder = 0;
        for (int i = 0; i < digits.length(); i++) {
            remainder = (remainder * 10 + (digits.charAt(i) - '0')) % 97;
        }
        return remainder;
    }

    /** {@code value} in ASCII digits, zero-padded to {@code width} (String.format would follow the default locale). */
    static String digits(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }

    private static String lettersAsDigits(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append(c - 'A' + 10);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
