package io.envclone.validator.environment;

/**
 * An environment operation that may not or cannot be done as asked, with the reason and what to
 * do instead; nothing was changed when it is thrown.
 */
public final class EnvironmentException extends RuntimeException {

    /** Why: the request is refused for safety, or the environment is not in a state that allows it. */
    public enum Kind { REFUSED, CONFLICT, NOT_FOUND }

    private final Kind kind;

    public EnvironmentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
