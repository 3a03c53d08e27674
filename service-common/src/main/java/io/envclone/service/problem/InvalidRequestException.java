package io.envclone.service.problem;

/** A request field is wrong: {@link #field()} names it, the message says what to give instead. */
public final class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
