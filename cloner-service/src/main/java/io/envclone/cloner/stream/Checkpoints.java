package io.envclone.cloner.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a clone remembers so a restart with the same clone id goes on where it stopped: its plan
 * (how tables are cut) and the chunks every batch of which Kafka acknowledged. Kept in the
 * cloner's control database, never in the source.
 */
public interface Checkpoints {

    /**
     * The clone as a new attempt starts.
     *
     * @param plan the plan of its first attempt, null for a clone never started
     * @param done finished chunks by {@link ChunkSent#id()}
     */
    record Resume(int attempt, ClonePlan plan, Map<String, ChunkSent> done) {

        public Resume {
            done = Map.copyOf(done);
        }
    }

    /** Starts the next attempt of {@code cloneId}: 1 for a new clone. */
    Resume begin(String cloneId) throws Exception;

    /** Keeps the plan, once it is made (first attempt) or grown (tables new since). */
    void planned(String cloneId, ClonePlan plan) throws Exception;

    /** Records a chunk every batch of which is acknowledged; a later attempt will not send it again. */
    void chunkDone(String cloneId, ChunkSent chunk) throws Exception;

    /** Checkpoints held by this object only: a restart of the process starts again (local one-off runs, benchmarks). */
    static Checkpoints inMemory() {
        return new Checkpoints() {
            private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
            private final Map<String, ClonePlan> plans = new ConcurrentHashMap<>();
            private final Map<String, Map<String, ChunkSent>> done = new ConcurrentHashMap<>();

            @Override
            public Resume begin(String cloneId) {
                return new Resume(attempts.merge(cloneId, 1, Integer::sum), plans.get(cloneId),
                        done.getOrDefault(cloneId, Map.of()));
            }

            @Override
            public void planned(String cloneId, ClonePlan plan) {
                plans.put(cloneId, plan);
            }

            @Override
            public void chunkDone(String cloneId, ChunkSent chunk) {
                done.computeIfAbsent(cloneId, id -> new ConcurrentHashMap<>()).put(chunk.id(), chunk);
            }
        };
    }
}
