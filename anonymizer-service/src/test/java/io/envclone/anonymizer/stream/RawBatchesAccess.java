package io.envclone.anonymizer.stream;

import io.envclone.api.batch.BatchCipher;
import java.sql.Connection;

/** {@link RawBatches} for tests outside this package. */
public final class RawBatchesAccess {

    private RawBatchesAccess() {
    }

    public static int send(Connection connection, String bootstrapServers, String topic, String cloneId, String base64Key,
            int rowsPerBatch) throws Exception {
        return RawBatches.send(connection, bootstrapServers, topic, cloneId, BatchCipher.fromBase64("key", base64Key),
                rowsPerBatch).size();
    }
}
