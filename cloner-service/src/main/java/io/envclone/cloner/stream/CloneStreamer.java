package io.envclone.cloner.stream;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.event.CloneEvent;
import io.envclone.api.source.SequenceValue;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.source.ExportedSnapshot;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.cloner.source.SourceAccessException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Streams every selected table of a source to Kafka under one consistent snapshot, as
 * {@code pg_dump -j} does: a coordinating session exports its snapshot and holds it; each of
 * {@code parallelism} workers imports it, so all of them see the source as of one instant, and
 * takes chunks (whole tables, or key ranges of large ones) from a shared queue, largest first.
 *
 * <p>A clone started again with the same id (after a crash, a broker outage, a cancel) is its
 * next attempt: it keeps its first attempt's plan and sends only the chunks no attempt finished.
 * Those are read in the new attempt's snapshot, which a lost transaction cannot outlive; each
 * chunk is still consistent in itself, and every key lies in exactly one chunk.
 */
public final class CloneStreamer {

    private static final Logger LOG = Logger.getLogger(CloneStreamer.class);

    /** Told once the snapshot exists, before any table is read (tests change the source there). */
    public interface SnapshotListener {
        void exported(String snapshotId) throws Exception;
    }

    /** Told what the clone read of the source besides rows, before its first batch. */
    public interface ReadListener {

        ReadListener NONE = sequences -> { };

        /** The sequences of the clone's schemas, {@code schema.name} to its value. */
        void sequences(Map<String, SequenceValue> sequences);

        /** The source fingerprints, when the clone was asked for them. */
        default void fingerprints(CloneFingerprints fingerprints) {
        }
    }

    /**
     * Who watches a run: the snapshot listener, every event as it is published, the cancel switch,
     * and what is read of the source besides rows.
     */
    public record Hooks(SnapshotListener listener, Consumer<CloneEvent> observer, CancelToken cancel,
            ReadListener reads) {

        public Hooks(SnapshotListener listener, Consumer<CloneEvent> observer, CancelToken cancel) {
            this(listener, observer, cancel, ReadListener.NONE);
        }

        public static Hooks none() {
            return new Hooks(snapshot -> { }, event -> { }, new CancelToken());
        }
    }

    /**
     * What one attempt of a clone sent.
     *
     * @param tables every table of the clone, {@code schema.table}
     * @param alreadySent the tables earlier attempts sent completely: not read again
     */
    public record Result(String cloneId, int attempt, String snapshot, List<ChunkSent> sent, Set<String> tables,
            Set<String> alreadySent, Duration elapsed) {

        public long rows() {
            return sent.stream().mapToLong(ChunkSent::rows).sum();
        }

        public long bytes() {
            return sent.stream().mapToLong(ChunkSent::bytes).sum();
        }

        public long batches() {
            return sent.stream().mapToLong(ChunkSent::batches).sum();
        }
    }

    private final ReadOnlySourceConnector connector = new ReadOnlySourceConnector();
    private final String bootstrapServers;
    private final String topic;
    private final String eventsTopic;
    private final Map<String, Object> producerSettings;

    public CloneStreamer(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, CloneEvent.TOPIC);
    }

    public CloneStreamer(String bootstrapServers, String topic, String eventsTopic) {
        this(bootstrapServers, topic, eventsTopic, Map.of());
    }

    private CloneStreamer(String bootstrapServers, String topic, String eventsTopic, Map<String, Object> producerSettings) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.eventsTopic = eventsTopic;
        this.producerSettings = Map.copyOf(producerSettings);
    }

    /**
     * The same streamer with Kafka producer settings of the operator's choosing, for example how long a
     * batch may wait for an unreachable broker ({@code delivery.timeout.ms}) before the clone fails.
     * Idempotence and {@code acks=all} are not negotiable and stay.
     */
    public CloneStreamer withProducerSettings(Map<String, Object> settings) {
        return new CloneStreamer(bootstrapServers, topic, eventsTopic, settings);
    }

    /** One attempt of the clone; {@code cipher} holds the clone's key, given in its start request, never stored. */
    public Result stream(String cloneId, SourceReference source, CloneOptions options, BatchCipher cipher,
            Checkpoints checkpoints, Hooks hooks) throws Exception {
        return stream(cloneId, source, options, FingerprintRequest.none(), cipher, checkpoints, hooks);
    }

    /** One attempt of the clone that also fingerprints the columns {@code fingerprinting} names before its first batch. */
    public Result stream(String cloneId, SourceReference source, CloneOptions options, FingerprintRequest fingerprinting,
            BatchCipher cipher, Checkpoints checkpoints, Hooks hooks) throws Exception {
        long started = System.nanoTime();
        RawTopic.ensure(bootstrapServers, topic);
        Checkpoints.Resume resume = checkpoints.begin(cloneId);
        try (EventPublisher events = new EventPublisher(bootstrapServers, eventsTopic, hooks.observer(), producerSettings)) {
            events.publish(new CloneEvent(cloneId, CloneEvent.Type.CLONE_STARTED, "", 0, 0, 0,
                    resume.attempt() == 1 ? "" : "attempt " + resume.attempt() + ": " + resume.done().size()
                            + " chunks sent before are not sent again", Instant.now()));
            try {
                Result result = streamInSnapshot(cloneId, source, options, fingerprinting, cipher, checkpoints, resume,
                        hooks, events, started);
                events.publish(CloneEvent.of(cloneId, CloneEvent.Type.CLONE_DONE, "", result.rows(), result.batches(),
                        result.bytes()));
                return result;
            } catch (CancelToken.CloneCancelledException e) {
                events.publish(new CloneEvent(cloneId, CloneEvent.Type.CLONE_CANCELLED, "", 0, 0, 0, e.getMessage(),
                        Instant.now()));
                throw e;
            } catch (Exception e) {
                events.publish(CloneEvent.failed(cloneId, String.valueOf(e.getMessage())));
                throw e;
            }
        }
    }

    private Result streamInSnapshot(String cloneId, SourceReference source, CloneOptions options,
            FingerprintRequest fingerprinting, BatchCipher cipher, Checkpoints checkpoints, Checkpoints.Resume resume,
            Hooks hooks, EventPublisher events, long started) throws Exception {
        try (ReadOnlySource coordinator = connector.open(source);
                ExportedSnapshot snapshot = coordinator.exportSnapshot();
                BatchPublisher publisher = new BatchPublisher(bootstrapServers, topic, cipher, producerSettings)) {
            LOG.infof("clone %s step 1: snapshot %s exported (attempt %d)", cloneId, snapshot.id(), resume.attempt());
            hooks.listener().exported(snapshot.id());
            Planned planned;
            try (ReadOnlySource planner = connector.open(source)) {
                // one transaction in the snapshot: the tables, their chunks, the filters checked on them, the sequences
                planned = planner.readInSnapshot(snapshot.id(), connection -> {
                    List<SourceTable> listed = SourceTables.list(connection, options.selection());
                    ClonePlan made = new ChunkPlanner(options.chunkBytes()).plan(connection, listed, resume.plan());
                    RowFilterCheck.check(connection, options.filters(), listed);
                    requireColumns(fingerprinting, listed);
                    return new Planned(listed, made, SourceSequences.read(connection, options.selection()));
                });
            }
            hooks.reads().sequences(planned.sequences());
            List<SourceTable> tables = planned.tables();
            ClonePlan plan = planned.plan();
            if (!plan.equals(resume.plan())) {
                checkpoints.planned(cloneId, plan);
            }
            List<TableChunk> all = ChunkPlanner.chunksOf(plan, tables);
            List<TableChunk> todo = all.stream()
                    .filter(chunk -> !resume.done().containsKey(chunk.table().displayName() + "#" + chunk.index()))
                    .toList();
            Set<String> names = tables.stream().map(SourceTable::displayName)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> alreadySent = alreadySent(cloneId, names, todo, resume, events);
            LOG.infof("clone %s step 2: %d tables in %d chunks, %d chunks to send with %d workers; %d sequences read",
                    cloneId, tables.size(), all.size(), todo.size(), options.parallelism(), planned.sequences().size());
            if (!fingerprinting.isEmpty()) {
                hooks.reads().fingerprints(fingerprint(source, snapshot.id(), cloneId, fingerprinting, tables, options,
                        hooks));
            }
            var context = new ChunkWorkers.Context(cloneId, resume.attempt(), source, snapshot.id(),
                    new TableStreamer(publisher, options.limits(), options.filters(), hooks.cancel()), events,
                    checkpoints, hooks.cancel());
            List<ChunkSent> sent = new ChunkWorkers(context, todo, resume.done()).run(todo, options.parallelism());
            Result result = new Result(cloneId, resume.attempt(), snapshot.id(), sent, names, alreadySent,
                    Duration.ofNanos(System.nanoTime() - started));
            LOG.infof("clone %s step 4: %d rows in %d chunks sent in %d ms", cloneId, result.rows(), sent.size(),
                    result.elapsed().toMillis());
            return result;
        }
    }

    /** In the snapshot, before any batch: the anonymizer and the validator need the filter from the first one. */
    private CloneFingerprints fingerprint(SourceReference source, String snapshot, String cloneId,
            FingerprintRequest fingerprinting, List<SourceTable> tables, CloneOptions options, Hooks hooks)
            throws Exception {
        CloneFingerprints built;
        try (ReadOnlySource reader = connector.open(source)) {
            built = reader.readInSnapshot(snapshot, connection -> SourceFingerprinting.build(connection, cloneId,
                    fingerprinting, tables, options.filters(), hooks.cancel()));
        } catch (SourceAccessException e) {
            hooks.cancel().throwIfCancelled(); // a cancel stops the reading with an error: say it as the cancel
            throw e;
        }
        LOG.infof("clone %s step 3: %d values of %d columns fingerprinted in %d ms", cloneId, built.values(),
                fingerprinting.columns().size(), built.elapsed().toMillis());
        return built;
    }

    /** A column gone since the start request was checked fails the clone naming it, as a wrong filter does. */
    private static void requireColumns(FingerprintRequest fingerprinting, List<SourceTable> tables) {
        List<String> missing = fingerprinting.missingIn(tables);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("fingerprintColumns names " + String.join(", ", missing)
                    + ", which this clone does not copy: check the names (schema.table.column) and the selection");
        }
    }

    private record Planned(List<SourceTable> tables, ClonePlan plan, Map<String, SequenceValue> sequences) {
    }

    /** Tables an earlier attempt finished: told done once more (with that attempt's counts), not read again. */
    private static Set<String> alreadySent(String cloneId, Set<String> tables, List<TableChunk> todo,
            Checkpoints.Resume resume, EventPublisher events) {
        Set<String> pending = todo.stream().map(chunk -> chunk.table().displayName()).collect(Collectors.toSet());
        Set<String> finished = new LinkedHashSet<>();
        for (String table : tables) {
            if (pending.contains(table)) {
                continue;
            }
            finished.add(table);
            List<ChunkSent> chunks = resume.done().values().stream().filter(chunk -> chunk.table().equals(table)).toList();
            events.publish(new CloneEvent(cloneId, CloneEvent.Type.TABLE_DONE, table,
                    chunks.stream().mapToLong(ChunkSent::rows).sum(), chunks.stream().mapToLong(ChunkSent::batches).sum(),
                    chunks.stream().mapToLong(ChunkSent::bytes).sum(), "sent by an earlier attempt", Instant.now()));
        }
        return finished;
    }
}
