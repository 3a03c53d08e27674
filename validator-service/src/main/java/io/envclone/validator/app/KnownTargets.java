package io.envclone.validator.app;

import io.envclone.api.source.ServerFingerprint;
import io.envclone.validator.api.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets this validator was given since it started, by environment, so a reset or a health
 * check may name only the environment. In memory only: a password is never written anywhere, and
 * after a restart the caller gives the target again.
 */
@ApplicationScoped
public class KnownTargets {

    /** An environment's target and the production sources its writes are judged against. */
    public record Known(Target target, List<ServerFingerprint> sources) {
    }

    private final Map<String, Known> byEnvironment = new ConcurrentHashMap<>();

    public void remember(String environment, Target target, List<ServerFingerprint> sources) {
        byEnvironment.put(environment, new Known(target, sources == null ? List.of() : List.copyOf(sources)));
    }

    public Optional<Known> find(String environment) {
        return Optional.ofNullable(byEnvironment.get(environment));
    }
}
