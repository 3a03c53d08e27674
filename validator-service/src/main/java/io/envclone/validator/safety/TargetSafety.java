package io.envclone.validator.safety;

import io.envclone.api.source.ServerFingerprint;
import java.util.Locale;

/**
 * Whether the validator may write to a target, and if not why: never a production source's
 * database, nor (unless allowed) another database of its cluster; only on an allowed host; only
 * the database the request names; a replacement only with its confirmation. Plain Java: the
 * operator's admission webhook and the command ask the same questions.
 */
public final class TargetSafety {

    /** The answer: {@code reason} says why it was refused and what to change, or why it was allowed. */
    public record Decision(boolean allowed, String reason) {
    }

    private TargetSafety() {
    }

    public static Decision judge(TargetRequest request) {
        ServerFingerprint target = request.target();
        for (ServerFingerprint source : request.sources()) {
            if (target.sameDatabaseAs(source)) {
                return refused("the target " + where(target) + " is the production source " + where(source)
                        + ": name another database");
            }
            if (target.sameServerAs(source) && !request.sameServerAllowed()) {
                return refused("the target " + where(target) + " is on the cluster of the production source "
                        + where(source) + ": use another server, or allow the same server (local and development use only)");
            }
        }
        if (!request.allowedHosts().isEmpty() && request.allowedHosts().stream()
                .noneMatch(host -> host.toLowerCase(Locale.ROOT).equals(target.host().toLowerCase(Locale.ROOT)))) {
            return refused("the target host " + target.host() + " is not among the allowed target hosts "
                    + new java.util.TreeSet<>(request.allowedHosts()) + ": add it, or choose one of them");
        }
        if (!target.database().equals(request.requestedDatabase())) {
            return refused("connected to database " + target.database() + ", but the request names "
                    + request.requestedDatabase() + ": connect to the database the request names");
        }
        if (request.replacesData() && !target.database().equals(request.confirmation())) {
            return refused("replacing what " + target.database() + " holds needs its confirmation: give confirm: "
                    + target.database());
        }
        return new Decision(true, "the target " + where(target) + " is no registered source"
                + (request.replacesData() ? ", and its replacement is confirmed" : ""));
    }

    private static Decision refused(String reason) {
        return new Decision(false, reason);
    }

    private static String where(ServerFingerprint server) {
        return server.database() + " on " + server.host() + ":" + server.port();
    }
}
