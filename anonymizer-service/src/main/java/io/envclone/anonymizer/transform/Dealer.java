package io.envclone.anonymizer.transform;

import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deals the fakes of a class one per distinct source value ({@link PiiClass#dealt()}): the value's
 * rank among the source's values (keyed, from the fingerprints) picks an entry of the pool that is
 * no source value of the class. Two source values never share a fake, so a view grouped by the
 * column keeps its groups. Deals nothing (null) when the source has more values than the pool has
 * free entries, or the value is none of the source's.
 */
final class Dealer {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Dealer.class);

    static final Dealer NONE = new Dealer(null, null, List.of());

    private final SourceFingerprints source;
    private final PiiClass of;
    private final List<String> free;

    private Dealer(SourceFingerprints source, PiiClass of, List<String> free) {
        this.source = source;
        this.of = of;
        this.free = free;
    }

    static Dealer of(SourceFingerprints source, PiiClass of, List<String> pool) {
        if (source == null || of == null || !of.dealt()) {
            return NONE;
        }
        if (source.domainSize(of) < 0) {
            LOG.infof("%s: the source has more than %d values: fakes are drawn, not dealt", of,
                    SourceFingerprints.DEALT_MAX_VALUES);
            return NONE;
        }
        Set<String> seen = new HashSet<>();
        List<String> free = new ArrayList<>();
        for (String entry : pool) {
            if (seen.add(entry.toLowerCase(Locale.ROOT)) && !source.contains(of, entry)) {
                free.add(entry);
            }
        }
        if (source.domainSize(of) > free.size()) {
            LOG.infof("%s: the source has %d values, the pool %d free fakes: fakes are drawn, not dealt", of,
                    source.domainSize(of), free.size());
            return NONE;
        }
        return new Dealer(source, of, free);
    }

    /** The fake dealt to {@code value}, or null when it is dealt none. */
    String dealt(String value) {
        if (source == null) {
            return null;
        }
        int rank = source.rank(of, value);
        return rank < 0 ? null : free.get(rank);
    }
}
