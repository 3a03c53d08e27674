package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One clone through the three services over their REST APIs, as the operator drives it: the
 * source's migration from the cloner; the clone started with fresh keys and the columns to
 * fingerprint; once its fingerprints are built, the clone registered with the anonymizer and
 * its landing started on the validator; once the cloner is done, the landing finished with the
 * cloner's counts and sequences; then the validator's verdict and report. The keys live only in
 * this run's memory and in the services' for the clone's life.
 */
public final class ClonePipeline {

    /** A database as the services are given it: a JDBC URL, a role, its password. */
    public record Database(String url, String user, String password) {
        Map<String, Object> json() {
            Map<String, Object> json = new HashMap<>();
            json.put("url", url);
            json.put("user", user);
            json.put("password", password);
            return json;
        }
    }

    /**
     * What to clone where: {@code target.url} names the environment's database; {@code confirm}
     * the environment's name when it exists and is to be replaced.
     */
    public record Request(String cloneId, Database source, Database target, String type, RuleSet rules,
            byte[] anonymizationKey, int parallelism, String confirm, String requestedBy) {
    }

    /** Where the pipeline is: its stage and, while rows move, how many. */
    public record Progress(String stage, String table, long rows, long expectedRows) {
    }

    /** How the clone ended: READY with a passed report, or FAILED with the reason. */
    public record Result(String phase, String reason, String reportId, boolean reportPassed, String report,
            long rows, Map<String, Long> tables, Map<String, Duration> durations) {
        public boolean ready() {
            return "READY".equals(phase);
        }
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServiceClient cloner;
    private final ServiceClient anonymizer;
    private final ServiceClient validator;
    private final Consumer<Progress> progress;

    public ClonePipeline(ServiceClient cloner, ServiceClient anonymizer, ServiceClient validator,
            Consumer<Progress> progress) {
        this.cloner = cloner;
        this.anonymizer = anonymizer;
        this.validator = validator;
        this.progress = progress;
    }

    public static ClonePipeline of(LocalServices services, Consumer<Progress> progress) {
        return new ClonePipeline(new ServiceClient("cloner", services.cloner().baseUrl()),
                new ServiceClient("anonymizer", services.anonymizer().baseUrl()),
                new ServiceClient("validator", services.validator().baseUrl()), progress);
    }

    public Result run(Request request) throws InterruptedException {
        Map<String, Duration> durations = new LinkedHashMap<>();
        Instant started = Instant.now();
        progress.accept(new Progress("schema", "", 0, 0));
        Map<String, Object> source = Map.of("source", request.source().json());
        JsonNode migration = cloner.post("/api/schema/migration", source);
        JsonNode server = cloner.post("/api/schema/analyze", source).get("server");
        durations.put("schema", since(started));

        String encryptionKey = randomKey();
        String fingerprintKey = randomKey();
        Map<String, Object> start = new HashMap<>();
        start.put("cloneId", request.cloneId());
        start.put("source", request.source().json());
        start.put("encryptionKey", encryptionKey);
        start.put("fingerprintColumns", fingerprintColumns(request.rules()));
        start.put("fingerprintKey", fingerprintKey);
        start.put("parallelism", request.parallelism());
        Instant cloning = Instant.now();
        progress.accept(new Progress("fingerprinting", "", 0, 0));
        cloner.post("/api/clone", start);
        JsonNode status = awaitCloner(request.cloneId(), node -> node.path("fingerprintsReady").asBoolean()
                || !"RUNNING".equals(node.path("state").asText()));
        if (!status.path("fingerprintsReady").asBoolean()) {
            return failed("cloner: " + status.path("reason").asText(), durations, started);
        }
        String fingerprints = cloner.get("/api/clone/" + request.cloneId() + "/fingerprints").get("fingerprints").asText();

        Map<String, Object> register = new HashMap<>();
        register.put("rules", request.rules());
        register.put("anonymizationKey", Base64.getEncoder().encodeToString(request.anonymizationKey()));
        register.put("encryptionKey", encryptionKey);
        register.put("fingerprints", fingerprints);
        register.put("fingerprintKey", fingerprintKey);
        anonymizer.put("/api/anonymize/clones/" + request.cloneId(), register);

        Map<String, Object> land = new HashMap<>();
        land.put("cloneId", request.cloneId());
        land.put("target", request.target().json());
        land.put("type", request.type());
        land.put("preData", migration.get("preData"));
        land.put("rules", request.rules());
        land.put("encryptionKey", encryptionKey);
        land.put("fingerprints", fingerprints);
        land.put("fingerprintKey", fingerprintKey);
        land.put("sources", List.of(server));
        land.put("confirm", request.confirm());
        land.put("requestedBy", request.requestedBy());
        try {
            validator.post("/api/land", land);
        } catch (ServiceClient.ServiceException refused) {
            cloner.post("/api/clone/" + request.cloneId() + "/cancel", Map.of());
            throw refused;
        }

        status = awaitCloner(request.cloneId(), node -> !"RUNNING".equals(node.path("state").asText()));
        durations.put("clone", since(cloning));
        if (!"DONE".equals(status.path("state").asText())) {
            String reason = "cloner: " + status.path("state").asText() + " " + status.path("reason").asText();
            validator.post("/api/land/" + request.cloneId() + "/abandon", Map.of("reason", reason));
            return failed(reason, durations, started);
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        status.path("tables").fields().forEachRemaining(table -> expected.put(table.getKey(),
                table.getValue().path("rows").asLong()));
        long total = expected.values().stream().mapToLong(Long::longValue).sum();

        Instant finishing = Instant.now();
        Map<String, Object> finish = new HashMap<>();
        finish.put("postData", migration.get("postData"));
        finish.put("sequences", status.get("sequences"));
        finish.put("expectedRows", expected);
        validator.post("/api/land/" + request.cloneId() + "/finish", finish);
        JsonNode landed;
        while (true) {
            landed = validator.get("/api/land/" + request.cloneId());
            String phase = landed.path("phase").asText();
            progress.accept(new Progress(phase.toLowerCase(java.util.Locale.ROOT), "", landed.path("rows").asLong(), total));
            if (phase.equals("READY") || phase.equals("FAILED")) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        durations.put("land, validate, switch", since(finishing));
        durations.put("total", since(started));
        String reportId = landed.path("reportId").isTextual() ? landed.get("reportId").asText() : null;
        String report = reportId == null ? "" : validator.text("/api/reports/" + reportId, "text/markdown");
        return new Result(landed.path("phase").asText(), landed.path("reason").asText(), reportId,
                landed.path("reportPassed").asBoolean(), report, landed.path("rows").asLong(), expected, durations);
    }

    private JsonNode awaitCloner(String cloneId, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        while (true) {
            JsonNode status = cloner.get("/api/clone/" + cloneId);
            progress.accept(new Progress("cloning", "", status.path("rows").asLong(), 0));
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Every column a rule changes: the cloner fingerprints their values so no copy may hold one. */
    static List<String> fingerprintColumns(RuleSet rules) {
        List<String> columns = new ArrayList<>();
        for (ColumnRule rule : rules.rules()) {
            if (!"keep".equals(rule.type()) && !columns.contains(rule.column())) {
                columns.add(rule.column());
            }
        }
        return columns;
    }

    private static Result failed(String reason, Map<String, Duration> durations, Instant started) {
        durations.put("total", since(started));
        return new Result("FAILED", reason, null, false, "", 0, Map.of(), durations);
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
