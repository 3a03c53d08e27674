package io.envclone.validator.check;

/** One check of a finished environment: its name, whether it passed, and what was found (counts and names, never row values). */
public record CheckResult(String name, boolean passed, String detail) {
}
