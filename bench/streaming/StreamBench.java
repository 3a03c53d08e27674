// Streams a whole database to Kafka with envclone's cloner (one snapshot, parallel workers, encrypted batches)
// and prints rows, bytes and time. Args: jdbcUrl user bootstrapServers parallelism
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.secret.Secret;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.schema.SchemaSelection;
import io.envclone.cloner.stream.Checkpoints;
import io.envclone.cloner.stream.CloneOptions;
import io.envclone.cloner.stream.CloneStreamer;
import java.util.Base64;

public class StreamBench {
    public static void main(String[] args) throws Exception {
        var source = new SourceReference(args[0], args[1], Secret.of(""));
        var cipher = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(new byte[32]));
        var result = new CloneStreamer(args[2], "envclone.batches.raw").stream("bench-" + System.nanoTime(), source,
                CloneOptions.of(SchemaSelection.defaults(), Integer.parseInt(args[3])), cipher, Checkpoints.inMemory(),
                CloneStreamer.Hooks.none());
        double seconds = result.elapsed().toMillis() / 1000.0;
        System.out.printf("envclone: %d rows, %.1f MB (binary COPY) in %.2f s: %.0f rows/s, %.1f MB/s%n",
                result.rows(), result.bytes() / 1e6, seconds, result.rows() / seconds, result.bytes() / 1e6 / seconds);
    }
}
