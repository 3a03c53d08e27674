package io.envclone.cli;

/** What the command's exit status tells a script. */
public final class ExitCode {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;
    public static final int REFUSED = 3;
    public static final int VALIDATION_FAILED = 4;

    private ExitCode() {
    }
}
