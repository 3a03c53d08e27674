package io.envclone.cli.clone;

import io.envclone.api.safety.Denial;
import io.envclone.api.safety.SafetyFacts;
import io.envclone.api.safety.SafetyFacts.RegisteredSource;
import io.envclone.api.safety.SafetyGuard;
import java.util.List;
import java.util.Set;

/**
 * The safety guard's questions before anything is started or written: the operator's admission
 * webhook asks the very same ({@link SafetyGuard}). Locally the source is registered by being
 * named on the command line; the cloner still proves every session of it read-only.
 */
public final class Preflight {

    private Preflight() {
    }

    public static List<Denial> check(EnvironmentPlan plan, boolean environmentExists, Set<String> sensitiveColumns,
            boolean sameServerAllowed) {
        SafetyFacts facts = new SafetyFacts(List.of(new RegisteredSource(EnvironmentPlan.LOCAL_SOURCE,
                plan.source().host(), plan.source().port(), plan.source().database(), true)), Set.of(),
                environmentExists, sensitiveColumns, null, sameServerAllowed);
        return SafetyGuard.check(plan.cloneRequestSpec(), plan.environmentSpec(), facts);
    }
}
