package io.envclone.cli.clone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.safety.Denial;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.cli.ExitCode;
import io.envclone.cli.local.CloneDriver;
import io.envclone.cli.local.CloneStopped;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.Discovery;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.SourceSample;
import io.envclone.cli.local.StateDirectory;
import io.envclone.cli.progress.ProgressDisplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The clone a person or a CI job asked for, from the first safety question to the printed report:
 * the guard's checks before anything starts (nothing is written when they refuse); Kafka, the
 * control databases and the services; the source sampled read-only for discovery, whose sensitive
 * columns the strict policy requires rules for (and whose proposal is the rules when none were
 * given); the clone driven by the orchestration; the report printed and written, and how to connect.
 * {@code envclone clone} and {@code envclone demo} both run this.
 */
public final class CloneRun {

    /** How to run: where the state is, which services exist already, where the report goes, who asks. */
    public record Settings(StateDirectory state, LocalRuntime.External external, Path root, Path reportFile,
            boolean json, boolean terminal, boolean sameServerAllowed, String requestedBy, Map<String, String> environment,
            BooleanSupplier interactiveConfirmation, Duration stallTimeout) {
    }

    /** What {@code --output json} prints. */
    public record Outcome(String environment, String cloneId, String phase, String reason, boolean resumed,
            String reportId, boolean reportPassed, String reportFile, long rows, Map<String, Long> tables,
            Map<String, Double> seconds, String connect, List<String> refusals, String layout) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Settings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final PrintWriter progress;

    public CloneRun(Settings settings, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
        // with --output json, stdout carries the JSON document only
        this.progress = settings.json() ? err : out;
    }

    public int run(EnvironmentPlan requested) throws Exception {
        EnvironmentPlan plan = requested;
        // an existing database that holds nothing (createdb app_test) is adopted: replacing it loses nothing
        boolean adopts = plan.target().databaseExists(plan.environment());
        boolean exists = adopts && plan.target().databaseHoldsObjects(plan.environment());
        if (exists && !plan.confirmed() && settings.interactiveConfirmation().getAsBoolean()) {
            plan = new EnvironmentPlan(plan.source(), plan.target(), plan.type(), plan.schemas(), plan.tables(),
                    plan.rowFilters(), plan.rules(), plan.policy(), plan.validation(), plan.retention(),
                    plan.parallelism(), plan.batchSize(), true);
        }
        List<Denial> denials = Preflight.check(plan, exists, Set.of(), settings.sameServerAllowed());
        if (!denials.isEmpty()) {
            return refused(plan, denials);
        }
        step("cloning " + plan.source() + " into " + plan.target() + (exists ? " (replacing it)"
                : adopts ? " (an existing database that holds nothing: adopted as the environment)" : ""));
        LocalRuntime runtime = LocalRuntime.start(settings.state(), plan.target(), settings.external(), settings.root(),
                this::step, settings.sameServerAllowed());
        boolean finished = false;
        Thread onInterrupt = new Thread(() -> closeQuietly(runtime, true), "envclone-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            step("sampling the source read-only for discovery (" + SourceSample.ROWS_PER_TABLE + " rows a table)");
            SourceSample sample = SourceSample.read(plan.source(), selection(plan));
            Discovery discovery = Discovery.of(runtime.anonymizer(), sample, plan.source());
            if (plan.rules() == null) {
                step("no rules given: using the " + discovery.rules().rules().size() + " rules discovery proposed for "
                        + discovery.columns() + " columns, under the strict policy");
                plan = plan.withRules(new RuleSet(discovery.rules().version(), RuleSet.STRICT, discovery.rules().rules()));
            }
            denials = Preflight.check(plan, exists, discovery.sensitiveColumns(), settings.sameServerAllowed());
            if (!denials.isEmpty()) {
                finished = true;
                return refused(plan, denials);
            }
            CloneDriver driver = new CloneDriver(runtime.cloner(), runtime.anonymizer(), runtime.validator(),
                    settings.state(), ProgressDisplay.on(progress, settings.terminal() && !settings.json(),
                            sample.estimatedRows()), runtime.supervision(), settings.stallTimeout());
            CloneDriver.Result result;
            try {
                result = driver.run(request(plan));
            } catch (CloneStopped e) {
                return stopped(plan, e);
            }
            finished = true;
            return reported(plan, result);
        } finally {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
            closeQuietly(runtime, !finished);
        }
    }

    private CloneDriver.Request request(EnvironmentPlan plan) {
        return new CloneDriver.Request(plan.source().service(), plan.target().service(), plan.environment(),
                plan.type().wireName(), plan.effectiveRules(), settings.state().anonymizationKey(settings.environment()),
                plan.schemas(), plan.tables(), plan.rowFilters(), plan.parallelism(), plan.batchSize(),
                plan.confirmed() ? plan.environment() : null, plan.retention(), plan.validation(), settings.requestedBy());
    }

    private static SchemaSelection selection(EnvironmentPlan plan) {
        return SchemaSelection.requested(plan.schemas() == null ? null : plan.schemas().include(),
                plan.schemas() == null ? null : plan.schemas().exclude(),
                plan.tables() == null ? null : plan.tables().include(),
                plan.tables() == null ? null : plan.tables().exclude());
    }

    /** A clone that stopped on the way (a service gone, a stall): said, and left to resume; Kafka's log stays for that. */
    private int stopped(EnvironmentPlan plan, CloneStopped stopped) throws IOException {
        if (settings.json()) {
            out.println(JSON.writeValueAsString(new Outcome(plan.environment(), null, "Failed", stopped.getMessage(), false,
                    null, false, null, 0, Map.of(), Map.of(), null, List.of(), null)));
        }
        err.println("envclone: the clone of " + plan.environment() + " stopped: " + stopped.getMessage()
                + "; the environment is as it was");
        return ExitCode.FAILED;
    }

    private int refused(EnvironmentPlan plan, List<Denial> denials) throws IOException {
        List<String> lines = denials.stream().map(CloneRun::onTheCommandLine).toList();
        if (settings.json()) {
            out.println(JSON.writeValueAsString(new Outcome(plan.environment(), null, "Refused", lines.get(0), false, null,
                    false, null, 0, Map.of(), Map.of(), null, lines, null)));
        }
        err.println("envclone: refused, nothing was started or written:");
        lines.forEach(line -> err.println("  - " + line));
        return ExitCode.REFUSED;
    }

    /** A denial in the words of the command line: the manifest field, and the option that is its fix here. */
    static String onTheCommandLine(Denial denial) {
        String option = switch (denial.field()) {
            case "spec.confirm" -> " (on the command line: --yes, or type the name when asked)";
            case "spec.target.environment" -> " (on the command line: --target)";
            case "spec.target.host" -> " (on the command line: --target; a laptop or CI job with both on one server:"
                    + " --allow-same-server)";
            default -> denial.field().startsWith("spec.anonymization") ? " (on the command line: --rules or --policy)" : "";
        };
        return denial.field() + ": " + denial.message() + option;
    }

    private int reported(EnvironmentPlan plan, CloneDriver.Result result) throws IOException {
        Path reportFile = null;
        if (!result.report().isEmpty()) {
            reportFile = settings.reportFile() != null ? settings.reportFile()
                    : Path.of("envclone-report-" + plan.environment() + ".md");
            Files.writeString(reportFile, result.report());
        }
        String connect = "psql \"postgresql://" + plan.target().user() + "@" + plan.target().host() + ":"
                + plan.target().port() + "/" + plan.environment() + "\"";
        if (settings.json()) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            result.durations().forEach((stage, took) -> seconds.put(stage, took.toMillis() / 1000.0));
            out.println(JSON.writeValueAsString(new Outcome(plan.environment(), result.cloneId(), result.phase().wireName(),
                    result.reason(), result.resumed(), result.reportId(), result.reportPassed(),
                    reportFile == null ? null : reportFile.toString(), result.rows(), result.tables(), seconds,
                    result.ready() ? connect : null, List.of(), result.layout())));
        } else {
            if (!result.report().isEmpty()) {
                out.println();
                out.println(result.report());
            }
            out.println(summary(result));
            if (reportFile != null) {
                out.println("Report written to " + reportFile.toAbsolutePath());
            }
            if (result.layout() != null) {
                out.println("Environment layout: " + result.layout());
            }
            if (result.ready()) {
                out.println("Connect to " + plan.environment() + ": " + connect);
            }
        }
        if (!result.ready()) {
            err.println("envclone: the clone of " + plan.environment() + " " + result.phase().wireName().toLowerCase(Locale.ROOT)
                    + ": " + result.reason() + (result.reportId() == null ? "" : " (report " + result.reportId() + ")")
                    + "; the environment is as it was");
        }
        return result.ready() ? ExitCode.DONE
                : result.refused() ? ExitCode.REFUSED
                : result.reportId() != null && !result.reportPassed() ? ExitCode.VALIDATION_FAILED
                : ExitCode.FAILED;
    }

    private static String summary(CloneDriver.Result result) {
        Duration total = result.durations().getOrDefault("total", Duration.ZERO);
        double seconds = Math.max(0.001, total.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%s: %,d rows in %d tables in %.1f s (%,.0f rows/s)%s", result.phase().wireName(),
                result.rows(), result.tables().size(), seconds, result.rows() / seconds,
                result.resumed() ? ", resumed from an interrupted run" : "");
    }

    private void step(String what) {
        progress.println("==> " + what);
        progress.flush();
    }

    private static void closeQuietly(LocalRuntime runtime, boolean keepKafka) {
        try {
            runtime.close(keepKafka);
        } catch (Exception e) {
            // stopping is best effort: the services also stop by themselves once this process is gone
        }
    }
}
