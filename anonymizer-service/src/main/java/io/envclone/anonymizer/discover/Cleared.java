package io.envclone.anonymizer.discover;

/** A column discovery judged not sensitive, and why: listed so a reviewer can disagree. */
public record Cleared(String column, String reason, Evidence evidence) {
}
