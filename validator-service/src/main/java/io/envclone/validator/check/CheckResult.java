package io.envclone.validator.check;

/**
 * One check of a finished environment: its name, whether it passed, and what was found (counts and names, never row values).
 * A skipped check could not be made here (the detail says why): it does not fail the environment, so {@code passed} is true.
 */
public record CheckResult(String name, boolean passed, String detail, boolean skipped) {

    public CheckResult(String name, boolean passed, String detail) {
        this(name, passed, detail, false);
    }

    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, true, reason, true);
    }

    public boolean failed() {
        return !passed;
    }
}
