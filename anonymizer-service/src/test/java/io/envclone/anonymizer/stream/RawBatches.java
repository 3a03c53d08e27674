package io.envclone.anonymizer.stream;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.TableBatch;
import io.envclone.testing.batch.SourceBatches;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Raw batches as the cloner sends them (the cloner is another service: the batch format is the
 * contract between them): every leaf table of a database read with binary COPY, cut into batches
 * of {@code rowsPerBatch} rows, encrypted under the clone's key, on the raw topic.
 */
final class RawBatches {

    private RawBatches() {
    }

    static List<TableBatch> batches(Connection connection, String cloneId, int rowsPerBatch) throws Exception {
        return SourceBatches.batches(connection, cloneId, rowsPerBatch);
    }

    /** Sends every table, encrypted under the clone's key; returns the batches sent. */
    static List<TableBatch> send(Connection connection, String bootstrapServers, String topic, String cloneId,
            BatchCipher cipher, int rowsPerBatch) throws Exception {
        List<TableBatch> sent = batches(connection, cloneId, rowsPerBatch);
        SourceBatches.send(sent, bootstrapServers, topic, cipher, Map.of());
        return sent;
    }
}
