package io.envclone.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.crd.ClonePhase;
import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.CloneRequestStatus;
import io.envclone.api.crd.Selection;
import io.envclone.api.crd.ValidationSpec;
import io.envclone.api.orchestration.Action;
import io.envclone.api.orchestration.CloneOrchestration;
import io.envclone.api.orchestration.Decision;
import io.envclone.api.orchestration.Observation;
import io.envclone.api.orchestration.Observation.ServiceError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One clone driven to its end through the three services' REST APIs by the same decision the
 * operator's reconciler takes ({@link CloneOrchestration}): observe what the services say, decide,
 * act, record the status, again. The status and the clone's keys are recorded in the
 * {@link StateDirectory} after every step, so a run that was killed resumes the clone where the
 * services' checkpoints and the validator's ledger left it.
 */
public final class CloneDriver {

    /** What to clone where; {@code confirm} is the environment's name when it exists and is to be replaced. */
    public record Request(ServiceDatabase source, ServiceDatabase target, String environment, String type,
            RuleSet rules, byte[] anonymizationKey, Selection schemas, Selection tables, Map<String, String> rowFilters,
            Integer parallelism, Integer batchSize, String confirm, String retention, ValidationSpec validation,
            String requestedBy) {
    }

    /**
     * Where the clone is, for the progress display; a {@code notice} is something that happened (a
     * service started again), said once and always, not a state to refresh.
     */
    public record Progress(ClonePhase phase, String message, long rowsCloned, long rowsLanded, long expectedRows,
            String table, boolean notice) {
    }

    /** How the clone ended; {@code refused} when a service refused it for safety (403). */
    public record Result(String cloneId, ClonePhase phase, String reason, boolean refused, String reportId,
            boolean reportPassed, String report, long rows, Map<String, Long> tables, Map<String, Duration> durations,
            boolean resumed, String layout) {
        public boolean ready() {
            return phase == ClonePhase.READY;
        }
    }

    private static final Duration POLL = Duration.ofMillis(250);

    /** How long nothing may move (no row read or landed, no stage or step changed) before the clone is called stalled. */
    public static final Duration STALL_AFTER = Duration.ofMinutes(10);

    private final ServiceClient cloner;
    private final ServiceClient anonymizer;
    private final ServiceClient validator;
    private final StateDirectory state;
    private final Consumer<Progress> progress;
    private final Supervision supervision;
    private final Duration stallAfter;

    public CloneDriver(ServiceClient cloner, ServiceClient anonymizer, ServiceClient validator, StateDirectory state,
            Consumer<Progress> progress) {
        this(cloner, anonymizer, validator, state, progress, Supervision.NONE, STALL_AFTER);
    }

    /**
     * {@code supervision} is asked between steps whether the services are there; {@code stallAfter}
     * is how long nothing may move before the clone stops with {@link CloneStopped}.
     */
    public CloneDriver(ServiceClient cloner, ServiceClient anonymizer, ServiceClient validator, StateDirectory state,
            Consumer<Progress> progress, Supervision supervision, Duration stallAfter) {
        this.cloner = cloner;
        this.anonymizer = anonymizer;
        this.validator = validator;
        this.state = state;
        this.progress = progress;
        this.supervision = supervision;
        this.stallAfter = stallAfter;
    }

    /**
     * The clone in flight into the request's environment resumed, or a new one started.
     *
     * @throws CloneStopped when a service died and did not come back, or nothing moved for the stall
     *     time: the clone's record stays for the run that resumes it
     */
    public Result run(Request request) throws InterruptedException {
        CloneRecord left = state.clone(request.environment()).orElse(null);
        boolean resumed = left != null;
        CloneRecord record = resumed
                ? left.with(CloneRequestStatus.initial())
                : new CloneRecord(newCloneId(request.environment()), request.environment(), ServiceKeys.random(),
                        ServiceKeys.random(), Instant.now().toString(), CloneRequestStatus.initial());
        state.save(record);
        Run run = new Run(request, record, resumed);
        Result result = run.drive();
        if (result.phase().isFinal()) {
            state.forget(request.environment());
        }
        return result;
    }

    private static String newCloneId(String environment) {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String base = environment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return (base.length() > 50 ? base.substring(0, 50) : base) + "-" + stamp;
    }

    /** One drive of one clone: what it has learned from the services so far. */
    private final class Run {
        private final Request request;
        private final CloneRequestSpec spec;
        private final boolean resumed;
        private CloneRecord record;
        private final Map<String, Duration> durations = new LinkedHashMap<>();
        private final Instant started = Instant.now();
        private Instant phaseStarted = started;
        private JsonNode migration;
        private JsonNode server;
        private JsonNode clonerStatus;
        private JsonNode landing;
        private boolean registered;
        private boolean refused;
        private String lastMove = "";
        private Instant movedAt = Instant.now();

        Run(Request request, CloneRecord record, boolean resumed) {
            this.request = request;
            this.record = record;
            this.resumed = resumed;
            this.spec = new CloneRequestSpec(request.environment(), request.tables(), request.rowFilters(),
                    request.parallelism(), request.batchSize(), resumed ? record.cloneId() : null, request.confirm(), false);
        }

        Result drive() throws InterruptedException {
            Observation observed = Observation.nothing();
            while (true) {
                for (String restart : supervision.check()) {
                    CloneRequestStatus now = record.status();
                    progress.accept(new Progress(now.phase(), restart, now.progress().rowsCloned(),
                            now.progress().rowsLanded(), now.progress().expectedRows(), "", true));
                    movedAt = Instant.now();
                }
                CloneRequestStatus status = record.status();
                Decision decision = CloneOrchestration.next(spec, 1, status, observed, Instant.now());
                try {
                    act(decision.action());
                } catch (ServiceClient.ServiceException e) {
                    refused |= e.status() == 403;
                    observed = observeAfter(e.status() >= 500 ? ServiceError.unreachable(e.service(), e.getMessage())
                            : ServiceError.refused(e.service(), e.getMessage()));
                    continue;
                } catch (ServiceClient.UnreachableException e) {
                    observed = observeAfter(ServiceError.unreachable(e.service(), e.getMessage()));
                    continue;
                }
                if (decision.status().phase() != status.phase()) {
                    durations.put(status.phase().wireName(), Duration.between(phaseStarted, Instant.now()));
                    phaseStarted = Instant.now();
                }
                record = record.with(decision.status());
                state.save(record);
                report(decision.status());
                stallCheck(decision.status());
                if (decision.status().phase().isFinal()) {
                    return result(decision.status());
                }
                Thread.sleep(Math.min(decision.after().toMillis(), decision.action() == Action.RETRY
                        ? decision.after().toMillis() : POLL.toMillis()));
                observed = observeAfter(null);
            }
        }

        /** What the services say, with {@code error} (the step that failed), or the first service that did not answer. */
        private Observation observeAfter(ServiceError error) {
            try {
                Observation observed = observe();
                return error == null ? observed : observed.with(error);
            } catch (ServiceClient.UnreachableException e) {
                return Observation.nothing().with(error != null ? error : ServiceError.unreachable(e.service(), e.getMessage()));
            } catch (ServiceClient.ServiceException e) {
                return Observation.nothing().with(error != null ? error : ServiceError.unreachable(e.service(), e.getMessage()));
            }
        }

        /**
         * Stops the clone when nothing moved for {@code stallAfter}: no row read or landed, no stage or
         * landing phase changed (attempts to reach a service that hangs are no movement). Parts that wait
         * on each other (a consumer that no longer reads, a stopped service) otherwise leave a spinner forever.
         */
        private void stallCheck(CloneRequestStatus status) {
            String move = status.phase() + "|" + status.progress().rowsCloned() + "|" + status.progress().rowsLanded()
                    + "|" + (landing == null ? "" : landing.path("phase").asText() + landing.path("batches").asLong());
            Instant now = Instant.now();
            if (!move.equals(lastMove)) {
                lastMove = move;
                movedAt = now;
                return;
            }
            if (Duration.between(movedAt, now).compareTo(stallAfter) > 0) {
                throw new CloneStopped(String.format(Locale.ROOT, "stalled: nothing moved for %d s in %s (%s;"
                        + " %,d rows read, %,d landed): a service waits on another; see the services' logs, then run the"
                        + " same command again to resume the clone (the stall time is --stall-timeout)",
                        stallAfter.toSeconds(), status.phase().wireName(), status.phaseReason(),
                        status.progress().rowsCloned(), status.progress().rowsLanded()));
            }
        }

        /** What the services say of the clone now; a service not asked yet is not asked. */
        private Observation observe() {
            Observation observed = Observation.nothing();
            if (migration != null) {
                observed = observed.withSchemaRead();
            }
            ClonePhase phase = record.status().phase();
            if (phase.ordinal() >= ClonePhase.FINGERPRINTING.ordinal()) {
                clonerStatus = cloner.find("/api/clone/" + record.cloneId()).orElse(null);
                if (clonerStatus != null) {
                    observed = observed.with(new Observation.Cloner(
                            Observation.ClonerState.valueOf(clonerStatus.path("state").asText("RUNNING")),
                            clonerStatus.path("rows").asLong(), clonerStatus.path("tables").size(),
                            clonerStatus.path("fingerprintsReady").asBoolean(), clonerStatus.path("reason").asText()));
                }
            }
            if (phase.ordinal() >= ClonePhase.CLONING.ordinal()) {
                landing = validator.find("/api/land/" + record.cloneId()).orElse(null);
                if (landing != null) {
                    observed = observed.with(new Observation.Validator(
                            Observation.LandingPhase.valueOf(landing.path("phase").asText("LANDING")),
                            landing.path("reason").asText(), landing.path("reportId").isTextual()
                                    ? landing.get("reportId").asText() : null,
                            landing.path("rows").asLong(), landing.path("batches").asLong(),
                            landing.path("redelivered").asLong()));
                }
                // a restarted anonymizer holds no clone: ask it while rows may still pass through it
                boolean awaitsRows = landing == null || observed.validator().awaitsRows();
                if (registered && (!awaitsRows || anonymizer.find("/api/anonymize/clones/" + record.cloneId()).isPresent())) {
                    observed = observed.withAnonymizerRegistered();
                }
            } else if (registered) {
                observed = observed.withAnonymizerRegistered();
            }
            return observed;
        }

        private void act(Action action) {
            switch (action) {
                case READ_SCHEMA -> readSchema();
                case START_CLONE, RESUME_CLONE -> startClone();
                case REGISTER_ANONYMIZER_AND_START_LANDING -> registerAndLand();
                case FINISH_LANDING -> finish();
                case CANCEL_CLONE -> cancelClone();
                case ABANDON_LANDING -> abandon();
                case CANCEL_CLONE_AND_ABANDON_LANDING -> {
                    cancelClone();
                    abandon();
                }
                case WAIT, RETRY, COMPLETE, FAIL, NOTHING -> {
                }
            }
        }

        private void readSchema() {
            Map<String, Object> body = selection();
            body.put("source", request.source().json());
            migration = cloner.post("/api/schema/migration", body);
            server = cloner.post("/api/schema/analyze", body).get("server");
        }

        private void startClone() {
            Map<String, Object> start = selection();
            start.put("cloneId", record.cloneId());
            start.put("source", request.source().json());
            start.put("encryptionKey", record.encryptionKey());
            start.put("fingerprintColumns", fingerprintColumns(request.rules()));
            start.put("fingerprintKey", record.fingerprintKey());
            start.put("parallelism", request.parallelism());
            start.put("batchRows", request.batchSize());
            start.put("where", request.rowFilters());
            try {
                cloner.post("/api/clone", start);
            } catch (ServiceClient.ServiceException e) {
                if (e.status() != 409) { // 409: this very clone runs already (a step taken again after a lost answer)
                    throw e;
                }
            }
        }

        private void registerAndLand() {
            // the fingerprints go first, in parts, to each service the next requests start (they take them from there)
            List<FingerprintRelay.Destination> to = new ArrayList<>();
            to.add(new FingerprintRelay.Destination(anonymizer, "/api/anonymize/clones/" + record.cloneId() + "/fingerprints"));
            if (landing == null) {
                to.add(new FingerprintRelay.Destination(validator, "/api/land/" + record.cloneId() + "/fingerprints"));
            }
            FingerprintRelay.relay(cloner, record.cloneId(), to);
            Map<String, Object> register = new HashMap<>();
            register.put("rules", request.rules());
            register.put("anonymizationKey", Base64.getEncoder().encodeToString(request.anonymizationKey()));
            register.put("encryptionKey", record.encryptionKey());
            register.put("fingerprintKey", record.fingerprintKey());
            anonymizer.put("/api/anonymize/clones/" + record.cloneId(), register);
            registered = true;
            if (landing != null) {
                return;
            }
            Map<String, Object> land = new HashMap<>();
            land.put("cloneId", record.cloneId());
            land.put("target", request.target().json());
            land.put("type", request.type());
            land.put("preData", migration.get("preData"));
            land.put("rules", request.rules());
            land.put("encryptionKey", record.encryptionKey());
            land.put("fingerprintKey", record.fingerprintKey());
            land.put("sources", List.of(server));
            land.put("confirm", request.confirm());
            land.put("requestedBy", request.requestedBy());
            validator.post("/api/land", land);
        }

        private void finish() {
            Map<String, Long> expected = expectedRows();
            Map<String, Object> finish = new HashMap<>();
            finish.put("postData", migration.get("postData"));
            finish.put("sequences", clonerStatus.get("sequences"));
            finish.put("expectedRows", expected);
            finish.put("retention", request.retention());
            finish.put("validation", request.validation());
            validator.post("/api/land/" + record.cloneId() + "/finish", finish);
        }

        private Map<String, Long> expectedRows() {
            Map<String, Long> expected = new LinkedHashMap<>();
            if (clonerStatus != null) {
                clonerStatus.path("tables").fields().forEachRemaining(table -> expected.put(table.getKey(),
                        table.getValue().path("rows").asLong()));
            }
            return expected;
        }

        private void cancelClone() {
            cloner.postIfKnown("/api/clone/" + record.cloneId() + "/cancel", Map.of());
        }

        private void abandon() {
            validator.postIfKnown("/api/land/" + record.cloneId() + "/abandon",
                    Map.of("reason", record.status().phaseReason() == null ? "" : record.status().phaseReason()));
        }

        private Map<String, Object> selection() {
            Map<String, Object> body = new HashMap<>();
            if (request.schemas() != null) {
                body.put("include", request.schemas().include());
                body.put("exclude", request.schemas().exclude());
            }
            if (request.tables() != null) {
                body.put("includeTables", request.tables().include());
                body.put("excludeTables", request.tables().exclude());
            }
            return body;
        }

        private void report(CloneRequestStatus status) {
            String table = "";
            if (clonerStatus != null && status.phase() == ClonePhase.CLONING) {
                for (var entry : iterable(clonerStatus.path("tables"))) {
                    if (!entry.getValue().path("done").asBoolean()) {
                        table = entry.getKey();
                    }
                }
            }
            progress.accept(new Progress(status.phase(), status.phaseReason(), status.progress().rowsCloned(),
                    status.progress().rowsLanded(), status.progress().expectedRows(), table, false));
        }

        private Result result(CloneRequestStatus status) {
            durations.put("total", Duration.between(started, Instant.now()));
            String reportId = status.reportRef() != null ? status.reportRef()
                    : landing != null && landing.path("reportId").isTextual() ? landing.get("reportId").asText() : null;
            String report = "";
            if (reportId != null) {
                try {
                    report = validator.text("/api/reports/" + reportId, "text/markdown");
                } catch (RuntimeException e) {
                    report = "";
                }
            }
            boolean passed = landing != null && landing.path("reportPassed").asBoolean();
            long rows = landing == null ? 0 : landing.path("rows").asLong();
            return new Result(record.cloneId(), status.phase(), status.phase() == ClonePhase.READY ? ""
                    : status.phaseReason(), refused, reportId, passed, report, rows, expectedRows(), durations, resumed,
                    landing == null || !landing.path("layout").isTextual() ? null : landing.get("layout").asText());
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        return entries;
    }

    /**
     * Every column a rule changes, with the class of its values ({@code schema.table.column:email}):
     * the cloner fingerprints them by class so no copy may hold one; free text and JSON as free_text
     * (their prose whole, and the tokens inside by theirs).
     */
    public static List<String> fingerprintColumns(RuleSet rules) {
        List<String> columns = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ColumnRule rule : rules.rules()) {
            if (!"keep".equals(rule.type()) && seen.add(rule.column())) {
                PiiClass of = "scrub".equals(rule.type()) ? PiiClass.FREE_TEXT : PiiClass.ofRule(rule.type(), rule.options());
                columns.add(of == null ? rule.column() : rule.column() + ":" + of.label());
            }
        }
        return columns;
    }
}
