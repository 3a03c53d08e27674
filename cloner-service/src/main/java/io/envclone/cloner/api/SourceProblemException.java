package io.envclone.cloner.api;

import io.envclone.cloner.source.SourceAccessException;

/** A source of the request ({@link #field()}: {@code source} or {@code target}) cannot be read safely. */
public final class SourceProblemException extends RuntimeException {

    private final String field;

    SourceProblemException(String field, SourceAccessException cause) {
        super(cause.getMessage(), cause);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public SourceAccessException access() {
        return (SourceAccessException) getCause();
    }
}
