package io.envclone.anonymizer.transform;

import io.envclone.api.secret.HmacSha256;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * HMAC-SHA256 under the environment's key: the one source of every replacement value. The same
 * input, domain and key give the same bytes in every table, batch and run (so joins still match);
 * another key gives unrelated ones; without the key nothing leads back to the input.
 * A {@code domain} (the transformer's kind) keeps an email's hash from being a name's.
 */
public final class KeyedHash {

    private final ThreadLocal<Mac> macs;

    public KeyedHash(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the anonymization key must be at least 16 bytes");
        }
        this.macs = HmacSha256.perThread(key);
    }

    /** 32 bytes, keyed, for {@code value} in {@code domain}. */
    public byte[] of(String domain, String value) {
        Mac mac = macs.get();
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0); // no domain/value pair can be read as another
        return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A number in {@code [0, bound)}, uniform enough for picking from pools of any size used here. */
    public int pick(String domain, String value, int bound) {
        return (int) Long.remainderUnsigned(number(of(domain, value), 0), bound);
    }

    /** {@code count} lower-case hex digits (at most 64). */
    public String hex(String domain, String value, int count) {
        byte[] hash = of(domain, value);
        StringBuilder hex = new StringBuilder(count);
        for (int i = 0; hex.length() < count; i++) {
            hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16));
            if (hex.length() < count) {
                hex.append(Character.forDigit(hash[i] & 0xF, 16));
            }
        }
        return hex.toString();
    }

    /**
     * {@code count} lower-case hex digits, as {@link #hex}, drawn again (deterministically) while they hold a run of
     * {@value #DIGIT_RUN} decimal digits: inside a fake email or token such a run reads as a phone or an id, and
     * among 50,000 source phones one would end like it. A few in a hundred draws have one.
     */
    public String token(String domain, String value, int count) {
        String token = hex(domain, value, count);
        for (int again = 2; again <= 32 && hasDigitRun(token); again++) {
            token = hex(domain + "#digits" + again, value, count);
        }
        return token;
    }

    static final int DIGIT_RUN = 7;

    private static boolean hasDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run >= DIGIT_RUN) {
                return true;
            }
        }
        return false;
    }

    /** A stream of decimal digits from the hash, as many as asked (re-hashed past 32 bytes). */
    public DigitStream digits(String domain, String value) {
        return new DigitStream(this, domain, value);
    }

    static long number(byte[] hash, int offset) {
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (hash[offset + i] & 0xFF);
        }
        return n;
    }

    /** Decimal digits drawn from a keyed hash, without bias worth speaking of (one byte per digit, 250 of 256 kept). */
    public static final class DigitStream {
        private final KeyedHash hash;
        private final String domain;
        private final String value;
        private byte[] block;
        private int position;
        private int round;

        private DigitStream(KeyedHash hash, String domain, String value) {
            this.hash = hash;
            this.domain = domain;
            this.value = value;
            this.block = hash.of(domain, value);
        }

        public int next() {
            while (true) {
                if (position == block.length) {
                    block = hash.of(domain + "#" + ++round, value);
                    position = 0;
                }
                int b = block[position++] & 0xFF;
                if (b < 250) {
                    return b % 10;
                }
            }
        }

        public char nextLetter() {
            return (char) ('A' + (next() * 10 + next()) % 26);
        }
    }
}
