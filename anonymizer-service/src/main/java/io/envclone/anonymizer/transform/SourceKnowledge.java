package io.envclone.anonymizer.transform;

import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.fingerprint.SourceMatcher;

/**
 * What the transformers may know of the source: the clone's keyed fingerprints, never a value.
 * A transformer of an identifying class asks whether a fake it drew is a source value of its class
 * and draws again; a quasi-identifier's transformer asks nothing (it must only differ from its own
 * original, which it has). The scrubber finds source values inside text with the same fingerprints.
 */
public final class SourceKnowledge {

    /** Nothing known of the source: every first draw stands, and text is scrubbed by its patterns only. */
    public static final SourceKnowledge NONE = new SourceKnowledge(null);

    private final SourceFingerprints source;
    private final SourceMatcher matcher;

    private SourceKnowledge(SourceFingerprints source) {
        this.source = source;
        this.matcher = source == null ? null : new SourceMatcher(source);
    }

    public static SourceKnowledge of(SourceFingerprints source) {
        return source == null ? NONE : new SourceKnowledge(source);
    }

    /**
     * Whether a fake of class {@code of} is a source value of any identifying class (a fake full name
     * that is a staff login in its words, "Aaron Cassin", is refused in text as a login); never asked
     * for a quasi-identifier.
     */
    RealValues real(PiiClass of) {
        if (source == null || of == null || !of.identifying()) {
            return RealValues.NONE;
        }
        return value -> source.identifying(value) != null;
    }

    /** The dealer of {@code of}'s fakes from {@code pool}, one per source value, or one that deals none. */
    Dealer dealer(PiiClass of, java.util.List<String> pool) {
        return Dealer.of(source, of, pool);
    }

    /** The finder of source values inside text, or null when nothing is known. */
    SourceMatcher matcher() {
        return matcher;
    }
}
