package io.envclone.service.problem;

/** A request field is wrong: {@link #field()} names it, the message says what to give instead. */
public final class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** From a check whose message begins with the field at fault ({@code "encryptionKey must be 32 bytes ..."}). */
    public static InvalidRequestException fromFieldMessage(IllegalArgumentException e) {
        String message = e.getMessage();
        int space = message.indexOf(' ');
        String field = message.substring(0, space);
        return new InvalidRequestException(field.endsWith(":") ? field.substring(0, field.length() - 1) : field,
                message.substring(space + 1));
    }

    public String field() {
        return field;
    }
}
