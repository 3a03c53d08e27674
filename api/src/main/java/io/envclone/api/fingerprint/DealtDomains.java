package io.envclone.api.fingerprint;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct source values of the classes whose fakes are dealt one per value ({@link PiiClass#dealt()}),
 * as sorted keyed tokens, while the source has at most {@value #MAX_VALUES} of a class. A value's rank
 * among them picks its fake, so no two source cities share one and a view grouped by city keeps its
 * groups. A class with more values has no domain: its fakes are drawn as before, and may coincide.
 *
 * <p>Written as 64-bit words after the filter's bits: per class, {@code ordinal << 32 | count}, then
 * the count tokens in ascending order.
 */
final class DealtDomains {

    static final int MAX_VALUES = 4_096;

    /** While the cloner adds: null for a class that outgrew {@link #MAX_VALUES}. */
    private final Map<PiiClass, TreeSet<Long>> growing = new EnumMap<>(PiiClass.class);
    private final Map<PiiClass, long[]> sorted = new EnumMap<>(PiiClass.class);

    synchronized void add(PiiClass of, long token) {
        if (!of.dealt()) {
            return;
        }
        if (!growing.containsKey(of)) {
            growing.put(of, new TreeSet<>());
        }
        TreeSet<Long> tokens = growing.get(of);
        if (tokens != null && tokens.add(token) && tokens.size() > MAX_VALUES) {
            growing.put(of, null);
        }
    }

    /** The rank of {@code token} among the class's source values, or -1 when it is none of them or the class has no domain. */
    int rank(PiiClass of, long token) {
        long[] tokens = tokens(of);
        int at = tokens == null ? -1 : Arrays.binarySearch(tokens, token);
        return Math.max(at, -1);
    }

    /** How many distinct source values of {@code of} there are, or -1 when the class has no domain. */
    int size(PiiClass of) {
        long[] tokens = tokens(of);
        return tokens == null ? -1 : tokens.length;
    }

    private long[] tokens(PiiClass of) {
        long[] read = sorted.get(of); // filled once, before the filter is shared: read without a lock
        return read != null ? read : growingTokens(of);
    }

    private synchronized long[] growingTokens(PiiClass of) {
        TreeSet<Long> tokens = growing.get(of);
        return tokens == null ? null : tokens.stream().mapToLong(Long::longValue).toArray();
    }

    /** The domains as words, to follow the filter's bits. */
    synchronized long[] toWords() {
        Map<PiiClass, long[]> all = new EnumMap<>(sorted);
        growing.forEach((of, tokens) -> {
            if (tokens != null) {
                all.put(of, tokens.stream().mapToLong(Long::longValue).toArray());
            }
        });
        long[] words = new long[all.values().stream().mapToInt(tokens -> tokens.length + 1).sum()];
        int at = 0;
        for (Map.Entry<PiiClass, long[]> domain : all.entrySet()) {
            words[at++] = (long) domain.getKey().ordinal() << 32 | domain.getValue().length;
            System.arraycopy(domain.getValue(), 0, words, at, domain.getValue().length);
            at += domain.getValue().length;
        }
        return words;
    }

    /** The domains in {@code words} from {@code from} to the end, as {@link #toWords} wrote them. */
    static DealtDomains of(long[] words, int from) {
        DealtDomains domains = new DealtDomains();
        int at = from;
        while (at < words.length) {
            int ordinal = (int) (words[at] >>> 32);
            int count = (int) words[at];
            if (ordinal < 0 || ordinal >= PiiClass.values().length || count < 0 || count > words.length - at - 1) {
                throw new IllegalArgumentException("the dealt domains after the filter's bits are cut or not the cloner's");
            }
            domains.sorted.put(PiiClass.values()[ordinal], Arrays.copyOfRange(words, at + 1, at + 1 + count));
            at += 1 + count;
        }
        return domains;
    }
}
