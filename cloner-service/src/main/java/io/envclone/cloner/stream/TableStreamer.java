package io.envclone.cloner.stream;

import io.envclone.api.batch.TableBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/** Streams one chunk of a table, inside the clone's snapshot, as batches; returns what it sent once all are acknowledged. */
final class TableStreamer {

    private final BatchPublisher publisher;
    private final BatchLimits limits;
    private final RowFilters filters;
    private final CancelToken cancel;

    TableStreamer(BatchPublisher publisher, BatchLimits limits, RowFilters filters, CancelToken cancel) {
        this.publisher = publisher;
        this.limits = limits;
        this.filters = filters;
        this.cancel = cancel;
    }

    ChunkSent stream(java.sql.Connection connection, String cloneId, TableChunk chunk, int attempt) throws Exception {
        SourceTable table = chunk.table();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        long[] totals = new long[3]; // rows, batches, bytes
        BinaryCopyBatcher batcher = new BinaryCopyBatcher(limits.rows(), limits.bytes(), (payload, rows, last) -> {
            TableBatch batch = new TableBatch(cloneId, table.schema(), table.name(), chunk.index(), chunk.count(), attempt,
                    totals[1], last, rows, table.columns(), table.types(), table.wireTypes(),
                    table.root().equals(table.displayName()) ? "" : table.root(), payload);
            sends.add(publisher.send(batch));
            totals[0] += rows;
            totals[1]++;
            totals[2] += payload.length;
        });
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(chunk.copyOutSql(filters.forTable(table)));
        try {
            byte[] data;
            while ((data = copy.readFromCopy()) != null) {
                cancel.throwIfCancelled();
                batcher.write(data);
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        batcher.finish();
        BatchPublisher.awaitAll(sends);
        return new ChunkSent(table.displayName(), chunk.index(), attempt, totals[0], totals[1], totals[2]);
    }
}
