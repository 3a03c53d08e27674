// The anonymizer's work per core on the scale-1 demo database: decrypt, anonymize with the demo's rules
// (deploy/samples/demo-rules.yaml), encrypt again, batch after batch on one thread, no Kafka (what one
// partition's consumer does; the service scales by partitions). Prints rows/s and MB/s.
// Args: jdbcUrl user rulesFile [rounds (default 3)]
import io.envclone.anonymizer.batch.BatchAnonymizer;
import io.envclone.anonymizer.batch.CompiledRules;
import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.anonymizer.stream.RawBatchesAccess;
import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.TableBatch;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

public class AnonymizeBench {
    public static void main(String[] args) throws Exception {
        List<TableBatch> batches;
        try (var connection = DriverManager.getConnection(args[0], args[1], "")) {
            batches = RawBatchesAccess.batches(connection, "bench", 10_000);
        }
        var cipher = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(new byte[32]));
        List<byte[]> sealed = new ArrayList<>();
        for (TableBatch batch : batches) {
            sealed.add(cipher.encrypt(batch.key(), batch.rows()));
        }
        var rules = new CompiledRules(RuleSetFiles.read(Path.of(args[2])), new KeyedHash(new byte[32]));
        long rows = batches.stream().mapToLong(TableBatch::rowCount).sum();
        long bytes = batches.stream().mapToLong(batch -> batch.rows().length).sum();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long cpuStarted = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long out = 0;
            for (int i = 0; i < batches.size(); i++) {
                TableBatch batch = batches.get(i);
                TableBatch plain = batch.withRows(cipher.decrypt(batch.key(), sealed.get(i)));
                TableBatch anonymized = BatchAnonymizer.anonymize(plain, rules, (transformer, count) -> { });
                out += cipher.encrypt(anonymized.key(), anonymized.rows()).length;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            System.out.printf("anonymizer round %d%s: %d rows, %.1f MB in %.2f s (%.2f s CPU, one thread): %.0f rows/s,"
                    + " %.1f MB/s per core (%d bytes out)%n", round, round == 1 ? " (fresh JVM)" : " (warm)", rows,
                    bytes / 1e6, seconds, cpu, rows / cpu, bytes / 1e6 / cpu, out);
        }
    }
}
