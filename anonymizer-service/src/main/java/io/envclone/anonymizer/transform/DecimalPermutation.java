package io.envclone.anonymizer.transform;

import java.math.BigInteger;

/**
 * A keyed permutation of the {@code n}-digit numbers: a Feistel network over the smallest even
 * number of bits that holds them, walked until the result is again below 10^n (format-preserving
 * encryption in the manner of FF1, simplified). Being a bijection, distinct inputs give distinct
 * outputs: a unique phone or national-id column stays unique, with no table of what was issued.
 * And no number is left as it was: the result is {@code π⁻¹(π(x) + 1 mod 10^n)}, a bijection
 * without fixed points, where π alone would leave about one number in 10^n unchanged (often, for
 * a postal code's three free digits).
 */
final class DecimalPermutation {

    private static final int ROUNDS = 8;

    private final KeyedHash hash;
    private final String domain;

    DecimalPermutation(KeyedHash hash, String domain) {
        this.hash = hash;
        this.domain = domain;
    }

    /** {@code digits} (all 0-9) permuted among the numbers of as many digits, leading zeros kept. */
    String permute(String digits) {
        if (digits.isEmpty()) {
            return digits;
        }
        BigInteger size = BigInteger.TEN.pow(digits.length());
        int bits = Math.max(2, size.subtract(BigInteger.ONE).bitLength());
        int half = (bits + bits % 2) / 2;
        BigInteger shifted = walk(new BigInteger(digits), size, half, digits.length(), true).add(BigInteger.ONE).mod(size);
        String out = walk(shifted, size, half, digits.length(), false).toString();
        return "0".repeat(digits.length() - out.length()) + out;
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
