package io.envclone.cloner.stream;

import io.envclone.api.event.CloneEvent;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The workers of one attempt of a clone: each has its own read-only session, imports the clone's
 * snapshot for every chunk it takes from the shared queue, checkpoints a chunk once Kafka has
 * acknowledged all its batches, and tells a table done once its last chunk is.
 */
final class ChunkWorkers {

    private static final Logger LOG = Logger.getLogger(ChunkWorkers.class);

    /** Who the workers work for: the clone, its attempt, and where they read, send and record. */
    record Context(String cloneId, int attempt, SourceReference source, String snapshot, TableStreamer streamer,
            EventPublisher events, Checkpoints checkpoints, CancelToken cancel) {
    }

    private final ReadOnlySourceConnector connector = new ReadOnlySourceConnector();
    private final Context context;
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
    private final Map<String, long[]> totals = new ConcurrentHashMap<>(); // rows, batches, bytes per table
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    /** {@code earlier}: chunks sent by earlier attempts, counted in their tables' totals. */
    ChunkWorkers(Context context, List<TableChunk> todo, Map<String, ChunkSent> earlier) {
        this.context = context;
        todo.forEach(chunk -> remaining.computeIfAbsent(chunk.table().displayName(), table -> new AtomicInteger())
                .incrementAndGet());
        earlier.values().forEach(this::count);
    }

    List<ChunkSent> run(List<TableChunk> todo, int parallelism) throws Exception {
        ConcurrentLinkedQueue<TableChunk> queue = new ConcurrentLinkedQueue<>(todo);
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "clone-" + context.cloneId() + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<ChunkSent>>> running = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                running.add(workers.submit(() -> work(queue)));
            }
            List<ChunkSent> sent = new ArrayList<>();
            for (Future<List<ChunkSent>> worker : running) {
                try {
                    sent.addAll(worker.get());
                } catch (ExecutionException e) {
                    queue.clear(); // the others stop after their current chunk
                    // a cancel travels up wrapped as the chunk's failure: say it as what it is
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

    private List<ChunkSent> work(ConcurrentLinkedQueue<TableChunk> queue) throws Exception {
        List<ChunkSent> sent = new ArrayList<>();
        try (ReadOnlySource session = connector.open(context.source())) {
            TableChunk chunk;
            while ((chunk = queue.poll()) != null) {
                context.cancel().throwIfCancelled();
                sent.add(send(session, chunk));
            }
        }
        return sent;
    }

    private ChunkSent send(ReadOnlySource session, TableChunk chunk) throws Exception {
        String table = chunk.table().displayName();
        if (started.add(table)) {
            context.events().publish(CloneEvent.of(context.cloneId(), CloneEvent.Type.TABLE_STARTED, table, 0, 0, 0));
        }
        ChunkSent done = session.readInSnapshot(context.snapshot(), connection -> {
            try {
                return context.streamer().stream(connection, context.cloneId(), chunk, context.attempt());
            } catch (java.sql.SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new java.sql.SQLException("streaming " + chunk.describe() + " failed: " + e.getMessage(), e);
            }
        });
        // recorded before it is told: a chunk reported done is never sent again
        context.checkpoints().chunkDone(context.cloneId(), done);
        LOG.debugf("clone %s table %s: %d rows in %d batches", context.cloneId(), chunk.describe(), done.rows(),
                done.batches());
        context.events().publish(CloneEvent.of(context.cloneId(), CloneEvent.Type.CHUNK_DONE, table, done.rows(),
                done.batches(), done.bytes()));
        long[] sum = count(done);
        if (remaining.get(table).decrementAndGet() == 0) {
            LOG.infof("clone %s table %s: %d rows in %d batches", context.cloneId(), table, sum[0], sum[1]);
            context.events().publish(CloneEvent.of(context.cloneId(), CloneEvent.Type.TABLE_DONE, table, sum[0], sum[1],
                    sum[2]));
        }
        return done;
    }

    private long[] count(ChunkSent chunk) {
        long[] sum = totals.computeIfAbsent(chunk.table(), table -> new long[3]);
        synchronized (sum) {
            sum[0] += chunk.rows();
            sum[1] += chunk.batches();
            sum[2] += chunk.bytes();
            return sum.clone();
        }
    }
}
