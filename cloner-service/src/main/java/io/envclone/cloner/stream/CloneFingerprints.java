package io.envclone.cloner.stream;

import io.envclone.api.fingerprint.SourceFingerprints;
import java.time.Duration;

/**
 * The source fingerprints of one attempt of a clone: the filter (useless without the caller's key),
 * how many values went into it, and how long reading them took.
 */
public record CloneFingerprints(SourceFingerprints filter, long values, Duration elapsed) {
}
