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
        int sum = 0;
        // the check digit is position 0 from the right; double every second digit left of it
        for (int i = digits.length() - 2, position = 1; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        char check = (char) ('0' + (10 - sum % 10) % 10);
        int last = lastDigitIndex(value);
        return value.substring(0, last) + check + value.substring(last + 1);
    }

    static boolean passesLuhn(String value) {
        String digits = digitsOf(value);
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return !digits.isEmpty() && sum % 10 == 0;
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
