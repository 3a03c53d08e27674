package io.envclone.anonymizer.transform;

/** Replacing the digits of a value while keeping everything else where it was: the format survives. */
final class DigitShapes {

    private DigitShapes() {
    }

    /** {@code value} with every digit after the first {@code keep} replaced by the next digit of {@code digits}. */
    static String replaceDigits(String value, int keep, KeyedHash.DigitStream digits) {
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(seen++ < keep ? c : (char) ('0' + digits.next()));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code value} with the digits after the first {@code keep} replaced, in order, by {@code replacement}'s. */
    static String withDigits(String value, int keep, String replacement) {
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        int next = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            out.append(digit && seen++ >= keep && next < replacement.length() ? replacement.charAt(next++) : c);
        }
        return out.toString();
    }

    static String digitsOf(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Sets the last digit of {@code value} so that its digits pass the Luhn check. */
    static String withLuhnCheckDigit(String value) {
        String digits = digitsOf(value);
        if (digits.isEmpty()) {
            return value;
        }
        // the sum of the digits left of the check digit, as the check digit sees them
        char check = (char) ('0' + (10 - luhnSum(digits.substring(0, digits.length() - 1), true) % 10) % 10);
        int last = lastDigitIndex(value);
        return value.substring(0, last) + check + value.substring(last + 1);
    }

    static boolean passesLuhn(String value) {
        String digits = digitsOf(value);
        return !digits.isEmpty() && luhnSum(digits, false) % 10 == 0;
    }

    /** Luhn's sum: from the right, every second digit doubled (the first one already when {@code doubleFirst}). */
    private static int luhnSum(String digits, boolean doubleFirst) {
        int sum = 0;
        for (int i = digits.length() - 1, position = doubleFirst ? 1 : 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum;
    }

    private static int lastDigitIndex(String value) {
        for (int i = value.length() - 1; i >= 0; i--) {
            if (Character.isDigit(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
