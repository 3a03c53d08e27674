package io.envclone.anonymizer.transform;

import java.math.BigInteger;

/**
 * A keyed permutation of the {@code n}-digit numbers: a Feistel network over the smallest even
 * number of bits that holds them, walked until the result is again below 10^n (format-preserving
 * encryption in the manner of FF1, simplified). Being a bijection, distinct inputs give distinct
 * outputs: a unique phone or national-id column stays unique, with no table of what was issued.
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
        bits += bits % 2;
        BigInteger value = new BigInteger(digits);
        do {
            value = feistel(value, bits / 2, digits.length());
        } while (value.compareTo(size) >= 0);
        String out = value.toString();
        return "0".repeat(digits.length() - out.length()) + out;
    }

    private BigInteger feistel(BigInteger value, int half, int length) {
        BigInteger mask = BigInteger.ONE.shiftLeft(half).subtract(BigInteger.ONE);
        BigInteger left = value.shiftRight(half);
        BigInteger right = value.and(mask);
        for (int round = 0; round < ROUNDS; round++) {
            BigInteger f = new BigInteger(1, hash.of(domain + "#" + length + "#" + round, right.toString())).and(mask);
            BigInteger next = left.xor(f);
            left = right;
            right = next;
        }
        return left.shiftLeft(half).or(right);
    }
}
