package io.envclone.cloner.stream;

import io.envclone.api.batch.BatchCipher;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.api.schema.SchemaSelection;
import java.util.Base64;

/**
 * Streams one database and prints its row count: run in a child JVM with a small heap by
 * {@link BoundedMemoryTest}. Args: jdbcUrl user bootstrapServers topic.
 */
public final class StreamOneDatabase {

    public static void main(String[] args) throws Exception {
        var cipher = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(new byte[32]));
        var result = new CloneStreamer(args[2], args[3], args[3] + ".events").stream("bounded-" + System.nanoTime(),
                new SourceReference(args[0], args[1], Secret.of("")), CloneOptions.of(SchemaSelection.everything(), 2),
                cipher, Checkpoints.inMemory(), CloneStreamer.Hooks.none());
        System.out.println("STREAMED rows=" + result.rows() + " bytes=" + result.bytes()
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
}
