// The validator's real landing path on the demo database, against psql restoring a plain pg_dump of the same
// data, in the same run, on the same server, each step `rounds` times (median printed), baseline and landing
// taking turns so the machine's other load falls on both:
//   psql restore: create database + psql -f dump.sql (no ANALYZE)
//   landing: EnvironmentBuild.prepare (create <env>__build, pre-data DDL of CatalogAnalysis/MigrationScript),
//            every batch (10,000 rows, sealed as on the anonymized topic) opened, through the LeakGate and landed
//            by BatchLander, EnvironmentBuild.finish (post-data DDL, setval, ANALYZE)
//   switch-over: EnvironmentSwitch.switchOver (the pristine copy, CREATE DATABASE ... TEMPLATE, and renames)
// then Resets FULL and DATA_ONLY, each after a training session deleted half the messages, and a re-clone of the
// same data (prepare + land + finish again, then its switch-over, not counted). Every landing and reset is checked:
// each table's count equals the source's. One thread, one target connection, no Kafka.
//
// The gate's filter is as full as the source's (its emails and phones) but made under another key than the one
// it is asked with: the demo's batches are raw, not anonymized, and a filter that knew their values would refuse
// most batches at their first email and skip the rest of them. So the gate looks up every value and finds none,
// as with anonymized batches; its refusals (false positives) are counted, not obeyed.
//
// Args: sourceJdbcUrl serverJdbcUrl (ending in '/') user restoreScript workDir. -Drounds=3.
// Per step: seconds, rows/s and MB/s of the binary batches, the JVM's peak RSS during the step (VmHWM, reset
// before each step through /proc/self/clear_refs), and its ratio to the psql restore.
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.source.SequenceValue;
import io.envclone.service.catalog.CatalogAnalysis;
import io.envclone.testing.batch.SourceBatches;
import io.envclone.testing.sql.SequenceValues;
import io.envclone.validator.environment.DatabaseNames;
import io.envclone.validator.environment.EnvironmentBuild;
import io.envclone.validator.environment.EnvironmentSwitch;
import io.envclone.validator.environment.Resets;
import io.envclone.validator.environment.ServerDatabases;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.LeakGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class LandBench {

    private static final String PREPARE = "prepare (create, pre-data DDL)";
    private static final String LAND = "land (open, leak gate, COPY)";
    private static final String FINISH = "finish (post-data DDL, setval, analyze)";
    private static final String LANDING = "landing = prepare + land + finish";
    private static final String BASELINE = "psql restore (baseline)";
    private static final int ROUNDS = Integer.getInteger("rounds", 3);
    private static final Map<String, List<double[]>> STEPS = new LinkedHashMap<>(); // step -> {seconds, peak RSS KB}

    private static String server;
    private static String user;
    private static List<TableBatch> batches;
    private static List<byte[]> sealed;
    private static BatchCipher cipher;
    private static LeakGate gate;
    private static MigrationScript script;
    private static Map<String, SequenceValue> sequences;
    private static Map<String, Long> sourceCounts;
    private static long rows;
    private static long bytes;
    private static int refused;

    public static void main(String[] args) throws Exception {
        server = args[1];
        user = args[2];
        Path restoreScript = Path.of(args[3]);
        Path work = Path.of(args[4]);
        source(args[0]);
        DatabaseNames names = new DatabaseNames("bench");
        try (Connection maintenance = connect("postgres")) {
            ServerDatabases databases = new ServerDatabases(maintenance);
            EnvironmentBuild build = new EnvironmentBuild(databases, LandBench::connect);
            EnvironmentSwitch switches = new EnvironmentSwitch(databases);
            Resets resets = new Resets(databases, LandBench::connect);
            switches.delete(names);
            for (int round = 1; round <= ROUNDS; round++) {
                try (Statement sql = maintenance.createStatement()) {
                    sql.execute("drop database if exists restored with (force)");
                }
                restore(restoreScript, work);
                landing(build, switches, names, "bench-" + round, "");
                checkCounts(names.live(), "landing");
            }
            for (Resets.Mode mode : List.of(Resets.Mode.FULL, Resets.Mode.DATA_ONLY)) {
                String step = mode == Resets.Mode.FULL ? "full reset" : "data-only reset";
                for (int round = 1; round <= ROUNDS; round++) {
                    trainingSession(names.live());
                    timed(step, () -> resets.reset(names, mode));
                    checkCounts(names.live(), step);
                }
            }
            for (int round = 1; round <= ROUNDS; round++) {
                landing(build, switches, names, "bench-again-" + round, "re-clone ");
                checkCounts(names.live(), "re-clone");
            }
            switches.delete(names);
        }
        report();
    }

    /** The schema, the sequences, the counts, the batches (sealed) and the gate's filter, from the source. */
    private static void source(String url) throws Exception {
        SourceFingerprints asTheSource = SourceFingerprints.sized(new byte[32], 200_000);
        try (Connection source = DriverManager.getConnection(url, user, "")) {
            source.setAutoCommit(false);
            script = MigrationScript.forEmptyTarget(CatalogAnalysis.read(source));
            source.rollback();
            source.setAutoCommit(true);
            sequences = SequenceValues.read(source);
            sourceCounts = counts(source);
            batches = SourceBatches.batches(source, "bench", 10_000);
            try (Statement sql = source.createStatement();
                    ResultSet users = sql.executeQuery("select email::text, phone from public.users")) {
                while (users.next()) {
                    asTheSource.add(users.getString(1));
                    asTheSource.add(users.getString(2));
                }
            }
        }
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        gate = new LeakGate(new RuleSet("bench", "detect", List.of()),
                SourceFingerprints.fromBytes(otherKey, asTheSource.toBytes()));
        cipher = BatchCipher.fromBase64("key", Base64.getEncoder().encodeToString(new byte[32]));
        sealed = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            TableBatch batch = batches.get(i);
            rows += batch.rowCount();
            bytes += batch.rows().length;
            sealed.add(cipher.encrypt(batch.key(), batch.rows()));
            batches.set(i, batch.withRows(null)); // what stays in memory is the topic: sealed batches
        }
        System.out.printf("source: %d tables, %d rows, %.1f MB in %d binary batches; schema: %d pre-data and %d"
                + " post-data statements (%d skipped), %d sequences%n", sourceCounts.size(), rows, bytes / 1e6,
                batches.size(), script.preData().size(), script.postData().size(), script.skipped().size(),
                sequences.size());
    }

    /** psql restoring the plain dump into a database it creates, timed with its peak RSS (/usr/bin/time). */
    private static void restore(Path restoreScript, Path work) throws Exception {
        Path rss = work.resolve("restore.rss");
        resetPeak();
        long started = System.nanoTime();
        Process psql = new ProcessBuilder("/usr/bin/time", "-f", "%M", "-o", rss.toString(), "bash",
                restoreScript.toString()).inheritIO().start();
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql restore failed");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        STEPS.computeIfAbsent(BASELINE, k -> new ArrayList<>())
                .add(new double[] {seconds, Double.parseDouble(Files.readString(rss).strip())});
        timed("  analyze of the restored copy", () -> {
            try (Connection restored = connect("restored"); Statement sql = restored.createStatement()) {
                sql.execute("analyze");
            }
        });
    }

    /** prepare, land every batch, finish (counted as the landing), then the switch-over with its pristine copy. */
    private static void landing(EnvironmentBuild build, EnvironmentSwitch switches, DatabaseNames names,
            String cloneId, String prefix) throws Exception {
        double prepare = timed(prefix + PREPARE,
                () -> build.prepare(names, "test", cloneId, script.preData()));
        long[] gateNanos = {0};
        double land = timed(prefix + LAND, () -> {
            BatchLander lander = new BatchLander(connect(names.build()));
            try {
                for (int i = 0; i < batches.size(); i++) {
                    TableBatch batch = batches.get(i).withRows(cipher.decrypt(batches.get(i).key(), sealed.get(i)));
                    long gateStarted = System.nanoTime();
                    refused += gate.check(batch, "bench").isPresent() ? 1 : 0;
                    gateNanos[0] += System.nanoTime() - gateStarted;
                    lander.land(batch);
                }
            } finally {
                lander.close();
            }
        });
        STEPS.computeIfAbsent(prefix + "  of which leak gate", k -> new ArrayList<>())
                .add(new double[] {gateNanos[0] / 1e9, 0});
        double finish = timed(prefix + FINISH,
                () -> build.finish(names, script.postData(), sequences));
        double peak = 0;
        for (String step : List.of(PREPARE, LAND, FINISH)) {
            List<double[]> runs = STEPS.get(prefix + step);
            peak = Math.max(peak, runs.get(runs.size() - 1)[1]);
        }
        STEPS.computeIfAbsent(prefix + LANDING, k -> new ArrayList<>())
                .add(new double[] {prepare + land + finish, peak});
        timed(prefix + "switch-over (pristine copy, renames)",
                () -> switches.switchOver(names, Duration.ofDays(1), Instant.now()));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double timed(String step, Step what) throws Exception {
        resetPeak();
        long started = System.nanoTime();
        what.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        STEPS.computeIfAbsent(step, k -> new ArrayList<>()).add(new double[] {seconds, peak()});
        return seconds;
    }

    private static void report() {
        double baseline = median(BASELINE, 0);
        System.out.printf("%n%-52s %8s  %-22s %10s %7s %9s %8s%n", "step (" + ROUNDS + " runs each)", "median",
                "runs (s)", "rows/s", "MB/s", "peak RSS", "/ psql");
        for (var step : STEPS.entrySet()) {
            double seconds = median(step.getKey(), 0);
            double rss = median(step.getKey(), 1);
            StringBuilder runs = new StringBuilder();
            step.getValue().forEach(run -> runs.append(runs.isEmpty() ? "" : " ").append(String.format("%.2f", run[0])));
            System.out.printf("%-52s %7.2fs  %-22s %10.0f %7.1f %9s %8.2f%n", step.getKey(), seconds, runs,
                    rows / seconds, bytes / 1e6 / seconds, rss == 0 ? "" : String.format("%.0f MB", rss / 1024),
                    seconds / baseline);
        }
        double reclone = median("re-clone " + LANDING, 0);
        System.out.printf("%nratio landing / psql restore: %.2f (target 1.2)%n",
                median(LANDING, 0) / baseline);
        System.out.printf("ratio re-clone / full reset: %.1f; re-clone / data-only reset: %.1f%n",
                reclone / median("full reset", 0), reclone / median("data-only reset", 0));
        System.out.printf("leak gate: %d of %d batch checks refused (false positives of a filter that holds none of"
                + " the values)%n", refused, batches.size() * 2 * ROUNDS);
    }

    private static double median(String step, int column) {
        double[] values = STEPS.get(step).stream().mapToDouble(run -> run[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** The peak of the JVM's resident memory is counted again from here (Linux: 5 into clear_refs). */
    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            // the peak then is the process's since it started
        }
    }

    /** The JVM's peak resident memory in KB (VmHWM). */
    private static double peak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server + database, user, "");
    }

    private static void trainingSession(String database) throws SQLException {
        try (Connection trainee = connect(database); Statement sql = trainee.createStatement()) {
            sql.execute("delete from public.messages where id % 2 = 0");
        }
    }

    private static void checkCounts(String database, String step) throws Exception {
        try (Connection copy = connect(database)) {
            Map<String, Long> landed = counts(copy);
            if (!landed.equals(sourceCounts)) {
                throw new IllegalStateException("after " + step + " the counts differ from the source's: " + landed
                        + " against " + sourceCounts);
            }
        }
    }

    /** Rows of every leaf table of the schemas the batches come from. */
    private static Map<String, Long> counts(Connection connection) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (SourceBatches.Table table : SourceBatches.tables(connection)) {
            try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                    "select count(*) from only \"" + table.schema() + "\".\"" + table.name() + "\"")) {
                row.next();
                counts.put(table.schema() + "." + table.name(), row.getLong(1));
            }
        }
        return counts;
    }

}
