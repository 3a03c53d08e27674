package io.envclone.validator.safety;

import io.envclone.api.source.ServerFingerprint;
import java.util.List;
import java.util.Set;

/**
 * What a write to a target is judged on.
 *
 * @param target the fingerprint of the server and database connected to
 * @param requestedDatabase the database the request names
 * @param sources the fingerprints of every registered production source
 * @param allowedHosts when not empty, the only hosts a target may be on
 * @param sameServerAllowed a target may be another database of a source's cluster (local mode and
 *     development only: a cluster shared with production shares its resources and superusers)
 * @param replacesData whether the write replaces what the target holds (a refresh, a reset)
 * @param confirmation what the request gives to confirm a replacement: the target database's name
 */
public record TargetRequest(ServerFingerprint target, String requestedDatabase, List<ServerFingerprint> sources,
        Set<String> allowedHosts, boolean sameServerAllowed, boolean replacesData, String confirmation) {

    public TargetRequest {
        sources = sources == null ? List.of() : List.copyOf(sources);
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
    }
}
