package io.envclone.anonymizer.stream;

import io.envclone.api.batch.BatchCipher;
import java.sql.Connection;

/** {@link RawBatches} for tests outside this package. */
public final class RawBatchesAccess {

    private RawBatchesAccess() {
    }

    /** The database's tables as batches in memory (benchmarks). */
    public static java.util.List<io.envclone.api.batch.TableBatch> batches(Connection connection, String cloneId,
            int rowsPerBatch) throws Exception {
        return RawBatches.batches(connection, cloneId, rowsPerBatch);
    }

    public static int send(Connection connection, String bootstrapServers, String topic, String cloneId, String base64Key,
            int rowsPerBatch) throws Exception {
        return RawBatches.send(connection, bootstrapServers, topic, cloneId, BatchCipher.fromBase64("key", base64Key),
                rowsPerBatch).size();
    }
}
