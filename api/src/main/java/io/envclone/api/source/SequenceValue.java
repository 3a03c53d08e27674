package io.envclone.api.source;

/** A source sequence's state, as {@code setval(sequence, lastValue, isCalled)} gives it back to a copy. */
public record SequenceValue(long lastValue, boolean isCalled) {
}
