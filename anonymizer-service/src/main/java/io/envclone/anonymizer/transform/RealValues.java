package io.envclone.anonymizer.transform;

/**
 * The source's values, as far as a transformer may know them: whether a fake it drew is one of
 * them (the clone's source fingerprints), so it draws again instead of emitting a real value by
 * chance. Never the values themselves.
 */
@FunctionalInterface
public interface RealValues {

    boolean seen(String value);

    /** Nothing known of the source: every first draw stands. */
    RealValues NONE = value -> false;
}
