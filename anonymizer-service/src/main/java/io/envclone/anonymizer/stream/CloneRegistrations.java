package io.envclone.anonymizer.stream;

import io.envclone.anonymizer.batch.CompiledRules;
import io.envclone.api.batch.BatchCipher;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clones this anonymizer may process: their compiled rules and keys, in memory only (the
 * service is stateless; the operator registers a clone again whenever it reconciles). A batch of a
 * clone not registered waits on its partition until it is.
 */
public final class CloneRegistrations {

    /** A registered clone; {@code failure} is set once one of its batches could not be processed. */
    public record Registration(String cloneId, CompiledRules rules, BatchCipher cipher, String failure) {

        @Override
        public String toString() {
            return "Registration[" + cloneId + ", rules " + rules.version() + "]"; // never the keys
        }
    }

    private final Map<String, Registration> clones = new ConcurrentHashMap<>();

    public void register(String cloneId, CompiledRules rules, BatchCipher cipher) {
        clones.put(cloneId, new Registration(cloneId, rules, cipher, null));
    }

    public Optional<Registration> find(String cloneId) {
        return Optional.ofNullable(clones.get(cloneId));
    }

    void failed(String cloneId, String reason) {
        clones.computeIfPresent(cloneId, (id, registration) -> registration.failure() != null ? registration
                : new Registration(id, registration.rules(), registration.cipher(), reason));
    }

    public boolean forget(String cloneId) {
        return clones.remove(cloneId) != null;
    }
}
