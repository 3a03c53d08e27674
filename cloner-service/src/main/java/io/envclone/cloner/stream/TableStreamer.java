package io.envclone.cloner.stream;

import io.envclone.api.batch.TableBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/** Streams one table, inside the clone's snapshot, as batches; returns what it sent once all are acknowledged. */
final class TableStreamer {

    /** What one table sent. */
    record Sent(SourceTable table, long rows, long batches, long bytes) {
    }

    private final BatchPublisher publisher;
    private final BatchLimits limits;
    private final CancelToken cancel;

    TableStreamer(BatchPublisher publisher, BatchLimits limits, CancelToken cancel) {
        this.publisher = publisher;
        this.limits = limits;
        this.cancel = cancel;
    }

    Sent stream(java.sql.Connection connection, String cloneId, SourceTable table) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        long[] totals = new long[3]; // rows, batches, bytes
        BinaryCopyBatcher batcher = new BinaryCopyBatcher(limits.rows(), limits.bytes(), (payload, rows, last) -> {
            TableBatch batch = new TableBatch(cloneId, table.schema(), table.name(), 0, totals[1], last, rows,
                    table.columns(), table.types(), payload);
            sends.add(publisher.send(batch));
            totals[0] += rows;
            totals[1]++;
            totals[2] += payload.length;
        });
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(table.copyOutSql());
        try {
            byte[] chunk;
            while ((chunk = copy.readFromCopy()) != null) {
                cancel.throwIfCancelled();
                batcher.write(chunk);
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        batcher.finish();
        BatchPublisher.awaitAll(sends);
        return new Sent(table, totals[0], totals[1], totals[2]);
    }
}
