// Streams a whole database to Kafka with envclone's cloner (one snapshot, parallel workers, encrypted batches)
// and prints rows, bytes and time, for several clones in one JVM: the first pays the JVM's start (class
// loading, JIT, the AES warm-up), the next ones are what a running cloner-service does.
// Args: jdbcUrl user bootstrapServers parallelism [clones (default 3)]
// (-DbatchRows= -DbatchBytes= -DchunkBytes= to try other limits)
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.cloner.stream.BatchLimits;
import io.envclone.cloner.stream.Checkpoints;
import io.envclone.cloner.stream.CloneOptions;
import io.envclone.cloner.stream.CloneStreamer;
import java.util.Base64;

public class StreamBench {
    public static void main(String[] args) throws Exception {
        var source = new SourceReference(args[0], args[1], Secret.of(""));
        var cipher = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(new byte[32]));
        var options = CloneOptions.of(SchemaSelection.defaults(), Integer.parseInt(args[3]))
                .withLimits(new BatchLimits(Integer.getInteger("batchRows", BatchLimits.defaults().rows()),
                        Integer.getInteger("batchBytes", BatchLimits.defaults().bytes())))
                .withChunkBytes(Long.getLong("chunkBytes", CloneOptions.DEFAULT_CHUNK_BYTES));
        int clones = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        for (int i = 1; i <= clones; i++) {
            var result = new CloneStreamer(args[2], "envclone.batches.raw").stream("bench-" + System.nanoTime(), source,
                    options, cipher, Checkpoints.inMemory(), CloneStreamer.Hooks.none());
            double seconds = result.elapsed().toMillis() / 1000.0;
            System.out.printf("envclone clone %d%s: %d rows, %.1f MB (binary COPY) in %.2f s: %.0f rows/s, %.1f MB/s%n",
                    i, i == 1 ? " (fresh JVM)" : " (warm)", result.rows(), result.bytes() / 1e6, seconds,
                    result.rows() / seconds, result.bytes() / 1e6 / seconds);
        }
    }
}
