package io.envclone.anonymizer.transform;

import java.util.Locale;

/**
 * {@code postal_code}: a postal code of the same shape (each digit a digit, each letter a letter of
 * the same case, separators and length kept, so it fits its column and its CHECKs on shape), never
 * the row's own. A postal code is a quasi-identifier: it may equal another row's, so the source's
 * other codes are not asked; its first {@code keep} characters (the region) may stay.
 */
final class PostalCodeTransformer implements Transformer {

    private static final int MAX_DRAWS = 16;
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final KeyedHash hash;
    private final int keep;

    PostalCodeTransformer(KeyedHash hash, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("option keep must be 0 or more, was " + keep);
        }
        this.hash = hash;
        this.keep = keep;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String key = value.strip().toUpperCase(Locale.ROOT);
        String fake = value;
        for (int draw = 1; draw <= MAX_DRAWS && fake.strip().equalsIgnoreCase(value.strip()); draw++) {
            fake = drawn(value, key, draw, draw == MAX_DRAWS ? 0 : keep);
        }
        return fake;
    }

    private String drawn(String value, String key, int draw, int kept) {
        StringBuilder fake = new StringBuilder(value.length());
        int alphanumeric = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isLetterOrDigit(c) || alphanumeric++ < kept) {
                fake.append(c);
            } else if (Character.isDigit(c)) {
                fake.append((char) ('0' + hash.pick("postal_code#" + draw + "#" + i, key, 10)));
            } else {
                char letter = LETTERS.charAt(hash.pick("postal_code#" + draw + "#" + i, key, LETTERS.length()));
                fake.append(Character.isLowerCase(c) ? Character.toLowerCase(letter) : letter);
            }
        }
        return fake.toString();
    }
}
