package io.envclone.validator.environment;

import java.util.regex.Pattern;

/**
 * The databases of one environment on its server: the live one applications use (named as the
 * environment), the copy being built, the previous copy kept for rollback, and the pristine copy
 * resets start from. Every name fits PostgreSQL's 63 bytes, or the environment name is refused.
 */
public record DatabaseNames(String environment) {

    static final String BUILD = "__build";
    static final String PREVIOUS = "__previous";
    static final String PRISTINE = "__pristine";
    static final String INCOMING = "__incoming";
    static final String OUTGOING = "__outgoing";
    private static final int MAX_NAME = 63;
    private static final int LONGEST_SUFFIX = PREVIOUS.length();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public DatabaseNames {
        if (environment == null || !NAME.matcher(environment).matches() || environment.contains("__")) {
            throw new IllegalArgumentException("environment must be lower-case letters, digits, '-' and '_' (no '__',"
                    + " which envclone keeps for the copies beside it), got " + environment);
        }
        if (environment.length() + LONGEST_SUFFIX > MAX_NAME) {
            throw new IllegalArgumentException("environment name " + environment + " is too long to keep copies beside"
                    + " it: use at most " + (MAX_NAME - LONGEST_SUFFIX) + " characters");
        }
    }

    public String live() {
        return environment;
    }

    public String build() {
        return environment + BUILD;
    }

    public String previous() {
        return environment + PREVIOUS;
    }

    public String pristine() {
        return environment + PRISTINE;
    }

    String incoming() {
        return environment + INCOMING;
    }

    String outgoing() {
        return environment + OUTGOING;
    }
}
