package io.envclone.api.source;

/**
 * A sequence of the source as a clone read it, for the target's
 * {@code setval(sequence, lastValue, isCalled)}: with {@code isCalled} false the target's next
 * {@code nextval} returns {@code lastValue} itself (a sequence never used, or set with
 * {@code setval(..., false)}), else the value after it.
 */
public record SequenceValue(long lastValue, boolean isCalled) {
}
