package io.envclone.cloner.stream;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.event.CloneEvent;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.schema.SchemaSelection;
import io.envclone.cloner.source.ExportedSnapshot;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.cloner.source.SourceAccessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Streams every selected table of a source to Kafka under one consistent snapshot, as
 * {@code pg_dump -j} does: a coordinating session exports its snapshot and holds it; each of
 * {@code parallelism} workers imports it, so all of them see the source as of one instant, and
 * takes tables from a shared queue, largest first.
 */
public final class CloneStreamer {

    private static final Logger LOG = Logger.getLogger(CloneStreamer.class);

    /** Told once the snapshot exists, before any table is read (tests change the source there). */
    public interface SnapshotListener {
        void exported(String snapshotId) throws Exception;
    }

    /** What a clone sent, table by table. */
    public record Result(String cloneId, String snapshot, List<TableStreamer.Sent> tables, Duration elapsed) {

        public long rows() {
            return tables.stream().mapToLong(TableStreamer.Sent::rows).sum();
        }

        public long bytes() {
            return tables.stream().mapToLong(TableStreamer.Sent::bytes).sum();
        }
    }

    private final ReadOnlySourceConnector connector = new ReadOnlySourceConnector();
    private final String bootstrapServers;
    private final String topic;
    private final String eventsTopic;

    public CloneStreamer(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, CloneEvent.TOPIC);
    }

    public CloneStreamer(String bootstrapServers, String topic, String eventsTopic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.eventsTopic = eventsTopic;
    }

    /** Streams the clone; {@code cipher} holds the clone's key, given in its start request, never stored. */
    public Result stream(String cloneId, SourceReference source, SchemaSelection selection, int parallelism,
            BatchLimits limits, BatchCipher cipher, SnapshotListener listener) throws Exception {
        return stream(cloneId, source, selection, parallelism, limits, cipher, listener, event -> { }, new CancelToken());
    }

    /** As above, telling {@code observer} every event as it is published, and stopping when {@code cancel} is set. */
    public Result stream(String cloneId, SourceReference source, SchemaSelection selection, int parallelism,
            BatchLimits limits, BatchCipher cipher, SnapshotListener listener,
            java.util.function.Consumer<CloneEvent> observer, CancelToken cancel) throws Exception {
        long started = System.nanoTime();
        RawTopic.ensure(bootstrapServers, topic);
        try (EventPublisher events = new EventPublisher(bootstrapServers, eventsTopic, observer)) {
            events.publish(CloneEvent.of(cloneId, CloneEvent.Type.CLONE_STARTED, "", 0, 0, 0));
            try {
                Result result = streamInSnapshot(cloneId, source, selection, parallelism, limits, cipher, listener,
                        events, started, cancel);
                events.publish(CloneEvent.of(cloneId, CloneEvent.Type.CLONE_DONE, "", result.rows(),
                        result.tables().stream().mapToLong(TableStreamer.Sent::batches).sum(), result.bytes()));
                return result;
            } catch (CancelToken.CloneCancelledException e) {
                events.publish(new CloneEvent(cloneId, CloneEvent.Type.CLONE_CANCELLED, "", 0, 0, 0, e.getMessage(),
                        java.time.Instant.now()));
                throw e;
            } catch (Exception e) {
                events.publish(CloneEvent.failed(cloneId, String.valueOf(e.getMessage())));
                throw e;
            }
        }
    }

    private Result streamInSnapshot(String cloneId, SourceReference source, SchemaSelection selection, int parallelism,
            BatchLimits limits, BatchCipher cipher, SnapshotListener listener, EventPublisher events, long started,
            CancelToken cancel) throws Exception {
        try (ReadOnlySource coordinator = connector.open(source);
                ExportedSnapshot snapshot = coordinator.exportSnapshot();
                BatchPublisher publisher = new BatchPublisher(bootstrapServers, topic, cipher)) {
            LOG.infof("clone %s step 1: snapshot %s exported", cloneId, snapshot.id());
            listener.exported(snapshot.id());
            List<SourceTable> tables;
            try (ReadOnlySource lister = connector.open(source)) {
                tables = lister.readInSnapshot(snapshot.id(), connection -> SourceTables.list(connection, selection));
            }
            LOG.infof("clone %s step 2: %d tables to stream with %d workers", cloneId, tables.size(), parallelism);
            List<TableStreamer.Sent> sent = streamAll(cloneId, source, snapshot.id(), tables, parallelism,
                    new TableStreamer(publisher, limits, cancel), events);
            Result result = new Result(cloneId, snapshot.id(), sent, Duration.ofNanos(System.nanoTime() - started));
            LOG.infof("clone %s step 3: %d rows in %d tables sent in %d ms", cloneId, result.rows(), sent.size(),
                    result.elapsed().toMillis());
            return result;
        }
    }

    private List<TableStreamer.Sent> streamAll(String cloneId, SourceReference source, String snapshot,
            List<SourceTable> tables, int parallelism, TableStreamer streamer, EventPublisher events) throws Exception {
        ConcurrentLinkedQueue<SourceTable> queue = new ConcurrentLinkedQueue<>(tables);
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "clone-" + cloneId + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<TableStreamer.Sent>>> running = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                running.add(workers.submit(() -> work(cloneId, source, snapshot, queue, streamer, events)));
            }
            List<TableStreamer.Sent> sent = new ArrayList<>();
            for (Future<List<TableStreamer.Sent>> worker : running) {
                try {
                    sent.addAll(worker.get());
                } catch (ExecutionException e) {
                    queue.clear(); // the others stop after their current table
                    // a cancel travels up wrapped as the table's failure: say it as what it is
                    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                        if (cause instanceof CancelToken.CloneCancelledException cancelled) {
                            throw cancelled;
                        }
                    }
                    throw e.getCause() instanceof Exception failure ? failure : e;
                }
            }
            return sent;
        } finally {
            workers.shutdownNow();
        }
    }

    /** One worker: its own session in the shared snapshot, tables from the queue until none is left. */
    private List<TableStreamer.Sent> work(String cloneId, SourceReference source, String snapshot,
            ConcurrentLinkedQueue<SourceTable> queue, TableStreamer streamer, EventPublisher events)
            throws SourceAccessException {
        List<TableStreamer.Sent> sent = new ArrayList<>();
        try (ReadOnlySource session = connector.open(source)) {
            SourceTable table;
            while ((table = queue.poll()) != null) {
                SourceTable current = table;
                events.publish(CloneEvent.of(cloneId, CloneEvent.Type.TABLE_STARTED, current.qualified(), 0, 0, 0));
                TableStreamer.Sent done = session.readInSnapshot(snapshot, connection -> {
                    try {
                        return streamer.stream(connection, cloneId, current);
                    } catch (java.sql.SQLException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new java.sql.SQLException("streaming " + current.qualified() + " failed: " + e.getMessage(), e);
                    }
                });
                LOG.infof("clone %s table %s: %d rows in %d batches", cloneId, current.qualified(), done.rows(),
                        done.batches());
                // only once every batch of the table is acknowledged: nothing half-sent is reported done
                events.publish(CloneEvent.of(cloneId, CloneEvent.Type.TABLE_DONE, current.qualified(), done.rows(),
                        done.batches(), done.bytes()));
                sent.add(done);
            }
        }
        return sent;
    }
}
