package io.envclone.validator.land;

import io.envclone.api.batch.BatchCipher;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clones this validator lands, each with its key, its gate and its target. A clone that failed
 * keeps its reason, and none of its later batches lands.
 */
public final class Landings {

    /** A clone being landed; {@code failure} is null while it goes well. */
    public record Landing(String cloneId, BatchCipher cipher, LeakGate gate, BatchLander lander, String failure) {
        Landing failedWith(String reason) {
            return new Landing(cloneId, cipher, gate, lander, reason);
        }
    }

    private final Map<String, Landing> byClone = new ConcurrentHashMap<>();

    public void register(String cloneId, BatchCipher cipher, LeakGate gate, BatchLander lander) {
        byClone.put(cloneId, new Landing(cloneId, cipher, gate, lander, null));
    }

    public Optional<Landing> find(String cloneId) {
        return Optional.ofNullable(byClone.get(cloneId));
    }

    /**
     * The clone lands no more batches here (it finished, or failed): its target connection is
     * closed, and it stays known so a batch delivered late is skipped rather than waited for.
     */
    public void end(String cloneId, String why) {
        failed(cloneId, why);
        find(cloneId).ifPresent(landing -> landing.lander().close());
    }

    /** Marks the clone failed with {@code reason} (the first reason stays). */
    public void failed(String cloneId, String reason) {
        byClone.computeIfPresent(cloneId, (id, landing) -> landing.failure() == null ? landing.failedWith(reason) : landing);
    }
}
