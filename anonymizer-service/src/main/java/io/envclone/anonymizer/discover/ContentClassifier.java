package io.envclone.anonymizer.discover;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a column's sampled values say when its name says nothing: most of them have a personal
 * shape (an email, a phone, ...), or they are free text (long, or holding such a value somewhere),
 * or they are short and shapeless. The reason gives the figure ("38 of 40 sampled values look like emails").
 */
final class ContentClassifier {

    /** {@code kind} null: the sample shows nothing personal. */
    record Reading(Kind kind, String reason) {
    }

    /** A shape held by at least this share of the non-null values is the column's. */
    static final double MAJORITY = 0.5;
    /** Values typically longer than this are free text, sensitive until shown otherwise. */
    static final int FREE_TEXT_LENGTH = 64;

    private ContentClassifier() {
    }

    /** Empty when there is no non-null value to read. */
    static Optional<Reading> read(List<String> values) {
        List<String> present = values.stream().filter(value -> value != null).toList();
        int n = present.size();
        if (n == 0) {
            return Optional.empty();
        }
        Map<Kind, Integer> whole = new EnumMap<>(Kind.class);
        Map<Kind, String> plurals = new EnumMap<>(Kind.class);
        int holding = 0;
        Kind held = null;
        for (String value : present) {
            ValuePatterns.of(value).ifPresent(shape -> {
                whole.merge(shape.kind(), 1, Integer::sum);
                plurals.put(shape.kind(), shape.plural());
            });
            Optional<ValuePatterns.Shape> found = ValuePatterns.foundIn(value);
            if (found.isPresent()) {
                holding++;
                held = held == null ? found.get().kind() : held;
                plurals.putIfAbsent(found.get().kind(), found.get().plural());
            }
        }
        Optional<Map.Entry<Kind, Integer>> best = whole.entrySet().stream().max(Map.Entry.comparingByValue());
        if (best.isPresent() && best.get().getValue() >= MAJORITY * n) {
            return Optional.of(new Reading(best.get().getKey(), "content: " + best.get().getValue() + " of " + n
                    + " sampled values look like " + plurals.get(best.get().getKey())));
        }
        int median = medianLength(present);
        if (median > FREE_TEXT_LENGTH) {
            return Optional.of(new Reading(Kind.FREE_TEXT, "content: sampled values are free text (median " + median
                    + " characters over " + n + " values), sensitive until shown otherwise"));
        }
        if (holding > 0) {
            return Optional.of(new Reading(Kind.FREE_TEXT, "content: " + holding + " of " + n + " sampled values hold "
                    + plurals.get(held) + " or the like inside their text"));
        }
        return Optional.of(new Reading(null, "content: " + n + (n == 1 ? " sampled value" : " sampled values")
                + ", short (median " + median
                + " characters), none looks like an email, phone, IBAN, card, IP address or password hash"));
    }

    private static int medianLength(List<String> values) {
        int[] lengths = values.stream().mapToInt(String::length).sorted().toArray();
        return lengths[lengths.length / 2];
    }
}
