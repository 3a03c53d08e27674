package io.envclone.anonymizer.transform;

/**
 * Replaces one value, given in PostgreSQL's text form, deterministically for the environment's
 * key. A null input stays null (there is nothing personal in an absent value), except where a
 * transformer says otherwise.
 */
@FunctionalInterface
public interface Transformer {

    String apply(String value, Row row);
}
