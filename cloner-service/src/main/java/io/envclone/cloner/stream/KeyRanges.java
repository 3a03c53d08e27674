package io.envclone.cloner.stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits an integer key's range into chunks of equal width: cheap to plan (min and max come from the index). */
final class KeyRanges {

    private KeyRanges() {
    }

    /**
     * {@code chunks} ranges covering every key, open below the first and above the last; fewer when
     * the range holds fewer keys than chunks asked.
     */
    static List<ChunkBounds> split(long min, long max, int chunks) {
        if (max < min) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        BigInteger low = BigInteger.valueOf(min);
        BigInteger span = BigInteger.valueOf(max).subtract(low).add(BigInteger.ONE); // no overflow at Long's ends
        int count = (int) Math.max(1, Math.min(chunks, span.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue()));
        List<ChunkBounds> ranges = new ArrayList<>(count);
        Long lower = null;
        for (int i = 1; i < count; i++) {
            long boundary = low.add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))).longValueExact();
            ranges.add(new ChunkBounds(lower, boundary));
            lower = boundary;
        }
        ranges.add(new ChunkBounds(lower, null));
        return ranges;
    }
}
