package io.envclone.cloner.source;

/** The source cannot be read safely; {@link #reason()} says which way, the message says how to fix it. */
public final class SourceAccessException extends Exception {

    /** Why; the REST layer maps each to a problem type. */
    public enum Reason { UNREACHABLE, AUTHENTICATION, DATABASE_MISSING, NOT_READ_ONLY, ROW_LEVEL_SECURITY, FAILED }

    private final Reason reason;

    SourceAccessException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
