// The validator's landing on the scale-1 demo database: every table's batches (10,000 rows each),
// sealed as they come from the anonymized topic, opened, passed through the leak gate (the source's
// emails and phones fingerprinted) and landed with BatchLander into a target that holds the schema's
// pre-data part. One thread, one target connection, no Kafka. Prints seconds, rows/s and MB/s.
// Args: sourceJdbcUrl targetJdbcUrl user
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.LeakGate;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

public class LandBench {
    public static void main(String[] args) throws Exception {
        List<TableBatch> batches;
        SourceFingerprints source = SourceFingerprints.sized(new byte[32], 200_000);
        try (var connection = DriverManager.getConnection(args[0], args[2], "")) {
            batches = SourceBatches.batches(connection, "bench", 10_000);
            try (var sql = connection.createStatement();
                    var users = sql.executeQuery("select email::text, phone from public.users")) {
                while (users.next()) {
                    source.add(users.getString(1));
                    source.add(users.getString(2));
                }
            }
        }
        var cipher = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(new byte[32]));
        List<byte[]> sealed = new ArrayList<>();
        for (TableBatch batch : batches) {
            sealed.add(cipher.encrypt(batch.key(), batch.rows()));
        }
        // the demo's raw rows hold real emails: the gate runs over every batch, and its refusals are counted, not obeyed
        LeakGate gate = new LeakGate(new RuleSet("bench", "detect", List.of()), source);
        long rows = batches.stream().mapToLong(TableBatch::rowCount).sum();
        long bytes = batches.stream().mapToLong(batch -> batch.rows().length).sum();
        try (var target = DriverManager.getConnection(args[1], args[2], "")) {
            BatchLander lander = new BatchLander(target);
            long started = System.nanoTime();
            long gateNanos = 0;
            int refused = 0;
            for (int i = 0; i < batches.size(); i++) {
                TableBatch batch = batches.get(i).withRows(cipher.decrypt(batches.get(i).key(), sealed.get(i)));
                long gateStarted = System.nanoTime();
                refused += gate.check(batch, "bench").isPresent() ? 1 : 0;
                gateNanos += System.nanoTime() - gateStarted;
                lander.land(batch);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("landing: %d rows, %.1f MB in %.2f s (leak gate %.2f s of it, %d batches with source values):"
                    + " %.0f rows/s, %.1f MB/s%n", rows, bytes / 1e6, seconds, gateNanos / 1e9, refused, rows / seconds,
                    bytes / 1e6 / seconds);
        }
    }
}
