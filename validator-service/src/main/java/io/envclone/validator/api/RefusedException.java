package io.envclone.validator.api;

/** A write the target safety check refused: 403 with the reason and what to change. */
public class RefusedException extends RuntimeException {

    public RefusedException(String reason) {
        super(reason);
    }
}
