package io.envclone.testing.demo;

import java.util.SplittableRandom;

/**
 * Random numbers for one row, derived from the seed, a stream (one per kind of value) and the
 * row id. A row's values then depend on nothing else: a later table can rebuild the row it
 * copies from (a reservation copying its guest's email) without keeping every row in memory,
 * and adding a column to one table does not shift the values of another.
 */
final class RowRandom {

    /** One per kind of value. The ordinal is part of the seed: add new streams at the end. */
    enum Stream {
        USER_NAMES, USER_ROLE, USER_CREATED, USER_DETAILS, USER_EMAIL, LOFT, LOFT_POPULARITY, RESERVATION,
        RESERVATION_UPDATE, PAYMENT, CONVERSATION, PARTICIPANT, MESSAGE, NOTIFICATION, AUDIT, AUDIT_ROW
    }

    private RowRandom() {
    }

    static SplittableRandom of(long seed, Stream stream, long id) {
        return new SplittableRandom(mix(mix(seed * 31 + stream.ordinal() + 1) + id));
    }

    /** SplitMix64 finaliser: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** A uniform int in [low, high], both included. */
    static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Picks an index with probability proportional to its weight. */
    static final class Weights {
        private final double[] cumulative;

        Weights(double... weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int pick(SplittableRandom random) {
            return pickBelow(random, cumulative.length);
        }

        /** Picks among the first {@code limit} indexes only. */
        int pickBelow(SplittableRandom random, int limit) {
            double target = random.nextDouble() * cumulative[limit - 1];
            int low = 0;
            int high = limit - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (cumulative[middle] > target) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }
    }
}
