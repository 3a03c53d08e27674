package io.envclone.anonymizer.transform;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed permutation of the {@code n}-digit numbers (format-preserving encryption in the manner
 * of FF1, simplified): a Feistel network in base 10 up to 36 digits; beyond, one over the smallest
 * even number of bits that holds them, walked until the result is again below 10^n. Being a bijection, distinct inputs give distinct
 * outputs: a unique phone or national-id column stays unique, with no table of what was issued.
 * And no number is left as it was: the result is {@code π⁻¹(π(x) + 1 mod 10^n)}, a bijection
 * without fixed points, where π alone would leave about one number in 10^n unchanged (often, for
 * a postal code's three free digits).
 */
final class DecimalPermutation {

    private static final int ROUNDS = 8;
    private static final int MAX_DRAWS = 256;
    /** Up to 18 digits a half fits a long, so numbers of up to 36 (phones, ids, cards, accounts); beyond, BigInteger. */
    private static final int LONG_DIGITS = 18;
    private static final long[] POWERS = new long[LONG_DIGITS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= LONG_DIGITS; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final KeyedHash hash;
    private final String domain;
    /** The round function up to 18 digits: AES under a key derived from the environment's key and the domain. */
    private final ThreadLocal<RoundFunction> rounds;

    DecimalPermutation(KeyedHash hash, String domain) {
        this.hash = hash;
        this.domain = domain;
        SecretKeySpec roundKey = new SecretKeySpec(java.util.Arrays.copyOf(hash.of("decimal-permutation", domain), 16), "AES");
        this.rounds = ThreadLocal.withInitial(() -> new RoundFunction(roundKey));
    }

    /**
     * One AES block a round (the CPU's instructions: tens of nanoseconds, where an HMAC took a
     * microsecond and was most of a phone's cost): the number's length, the round and the half
     * in, 64 bits out. One per thread, as a cipher is not to be shared.
     */
    private static final class RoundFunction {
        private final Cipher aes;
        private final byte[] in = new byte[16];
        private final byte[] out = new byte[16];

        RoundFunction(SecretKeySpec key) {
            try {
                aes = Cipher.getInstance("AES/ECB/NoPadding");
                aes.init(Cipher.ENCRYPT_MODE, key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES is not available in this JVM", e);
            }
        }

        long of(int length, int round, long half) {
            in[0] = (byte) length;
            in[1] = (byte) round;
            for (int i = 0; i < 8; i++) {
                in[8 + i] = (byte) (half >>> (56 - 8 * i));
            }
            try {
                aes.update(in, 0, 16, out, 0);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            return KeyedHash.number(out, 0);
        }
    }

    /**
     * The fake of {@code digits} as {@code render} puts it in its value's shape, drawn again while
     * it is a real value: the draw walks on along the permutation's cycle and takes the first value
     * left free, matching each real value with a free one as brackets match (a real one met on the
     * way opens, a free one closes), so distinct inputs still give distinct outputs, and a first
     * draw that is not real stands as it was. Knowing no real values, the first draw stands.
     */
    String draw(String digits, RealValues real, java.util.function.UnaryOperator<String> render) {
        String candidate = permute(digits);
        if (real == RealValues.NONE) {
            return render.apply(candidate);
        }
        int open = 1;
        for (int step = 0; step < MAX_DRAWS; step++) {
            String fake = render.apply(candidate);
            open += real.seen(fake) ? 1 : -1;
            if (open == 0) {
                return fake;
            }
            candidate = permute(candidate);
        }
        throw new IllegalStateException("no fake of " + digits.length() + " digits outside the source's values within "
                + MAX_DRAWS + " draws: the source fills that format");
    }

    /** {@code digits} (all 0-9) permuted among the numbers of as many digits, leading zeros kept. */
    String permute(String digits) {
        if (digits.isEmpty()) {
            return digits;
        }
        if (digits.length() <= 2 * LONG_DIGITS) {
            return permuteInHalves(digits);
        }
        BigInteger size = BigInteger.TEN.pow(digits.length());
        int bits = Math.max(2, size.subtract(BigInteger.ONE).bitLength());
        int half = (bits + bits % 2) / 2;
        BigInteger shifted = walk(new BigInteger(digits), size, half, digits.length(), true).add(BigInteger.ONE).mod(size);
        String out = walk(shifted, size, half, digits.length(), false).toString();
        return "0".repeat(digits.length() - out.length()) + out;
    }

    /**
     * Up to 36 digits (each half fits a long: phones, ids, cards, IBANs' accounts): a Feistel network
     * in base 10, as FF1 does (the digits split in two halves, each round adding a keyed function of
     * one half to the other modulo its size), so every value stays an n-digit number and no cycle
     * walking is needed: 16 AES blocks a value, whatever its length.
     */
    private String permuteInHalves(String digits) {
        int length = digits.length();
        int u = length / 2;
        int v = length - u;
        long[] halves = {u == 0 ? 0 : Long.parseLong(digits, 0, u, 10), Long.parseLong(digits, u, length, 10)};
        RoundFunction function = rounds.get();
        feistel10(function, halves, u, v, length, true);
        // + 1 modulo 10^length, the carry going from the right half to the left
        if (++halves[1] == POWERS[v]) {
            halves[1] = 0;
            halves[0] = (halves[0] + 1) % POWERS[u];
        }
        feistel10(function, halves, u, v, length, false);
        return padded(halves[0], u) + padded(halves[1], v);
    }

    private static String padded(long value, int width) {
        if (width == 0) {
            return "";
        }
        String text = Long.toString(value);
        return text.length() == width ? text : "0".repeat(width - text.length()) + text;
    }

    private static void feistel10(RoundFunction function, long[] halves, int u, int v, int length, boolean forward) {
        long a = halves[0];
        long b = halves[1];
        if (forward) {
            for (int round = 0; round < ROUNDS; round++) {
                long modulus = POWERS[round % 2 == 0 ? u : v];
                long c = (a + Long.remainderUnsigned(function.of(length, round, b), modulus)) % modulus;
                a = b;
                b = c;
            }
        } else {
            for (int round = ROUNDS - 1; round >= 0; round--) {
                long modulus = POWERS[round % 2 == 0 ? u : v];
                long previous = Math.floorMod(b - Long.remainderUnsigned(function.of(length, round, a), modulus),
                        modulus);
                b = a;
                a = previous;
            }
        }
        halves[0] = a;
        halves[1] = b;
    }

    /** π (or π⁻¹) on [0, size): the Feistel network applied until the value is back in range (cycle walking). */
    private BigInteger walk(BigInteger value, BigInteger size, int half, int length, boolean forward) {
        do {
            value = forward ? feistel(value, half, length) : inverse(value, half, length);
        } while (value.compareTo(size) >= 0);
        return value;
    }

    private BigInteger feistel(BigInteger value, int half, int length) {
        BigInteger mask = BigInteger.ONE.shiftLeft(half).subtract(BigInteger.ONE);
        BigInteger left = value.shiftRight(half);
        BigInteger right = value.and(mask);
        for (int round = 0; round < ROUNDS; round++) {
            BigInteger next = left.xor(round(round, right, mask, length));
            left = right;
            right = next;
        }
        return left.shiftLeft(half).or(right);
    }

    private BigInteger inverse(BigInteger value, int half, int length) {
        BigInteger mask = BigInteger.ONE.shiftLeft(half).subtract(BigInteger.ONE);
        BigInteger left = value.shiftRight(half);
        BigInteger right = value.and(mask);
        for (int round = ROUNDS - 1; round >= 0; round--) {
            BigInteger previous = right.xor(round(round, left, mask, length));
            right = left;
            left = previous;
        }
        return left.shiftLeft(half).or(right);
    }

    private BigInteger round(int round, BigInteger half, BigInteger mask, int length) {
        return new BigInteger(1, hash.of(domain + "#" + length + "#" + round, half.toString())).and(mask);
    }
}
