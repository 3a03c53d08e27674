package io.envclone.cli.commands;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.anonymize.RuleSetFiles;
import io.envclone.api.crd.EnvironmentType;
import io.envclone.api.crd.Manifests;
import io.envclone.api.crd.Selection;
import io.envclone.api.crd.TestEnvironmentSpec;
import io.envclone.cli.clone.CloneRun;
import io.envclone.cli.clone.EnvironmentPlan;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.LocalServices;
import io.envclone.cli.local.StateDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code envclone clone}: a production database into a safe environment, from this machine. */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = {"Clone a PostgreSQL source into an anonymized, validated environment: the target URL's database",
            "is the environment. Production is only read. Passwords come from PGPASSWORD or the variables named by",
            "--source-password-env / --target-password-env, never from the command line.",
            "Without --rules, discovery proposes the rules and the strict policy applies.",
            "A clone interrupted (Ctrl-C, a killed job) resumes where it was when the same command runs again."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage", "3:refused by a safety check", "4:validation failed"})
public final class CloneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "URL", description = "postgresql://user@host:port/database to read.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "postgresql://user@host:port/environment: its database is the environment (made or replaced).")
    String target;

    @Option(names = {"-f", "--file"}, paramLabel = "environment.yaml",
            description = "A TestEnvironment manifest (as kubectl applies it): type, selection, rules, validation, retention.")
    Path manifest;

    @Option(names = "--rules", paramLabel = "FILE", description = "A rule file (see deploy/samples/demo-rules.yaml).")
    Path rules;

    @Option(names = "--policy", paramLabel = "strict|detect", description = "strict: a sensitive column without a rule refuses the clone.")
    String policy;

    @Option(names = "--type", paramLabel = "TYPE", description = "test, training, development or staging (default: the manifest's, else test).")
    EnvironmentType type;

    @Option(names = "--tables", split = ",", paramLabel = "GLOB", description = "schema.table patterns to take (default: all).")
    List<String> tables;

    @Option(names = "--exclude", split = ",", paramLabel = "GLOB", description = "schema.table patterns to leave.")
    List<String> exclude;

    @Option(names = "--parallel", paramLabel = "N", description = "Workers reading the source (1 to 32; default 2).")
    Integer parallel;

    @Option(names = "--batch-size", paramLabel = "ROWS", description = "Rows per batch (default: the cloner's).")
    Integer batchSize;

    @Option(names = "--yes", description = "Replace the target environment when it exists, without asking.")
    boolean yes;

    @Option(names = "--allow-same-server", description = "Let the target be another database on the source's server"
            + " (a laptop, a CI job); never the source database itself.")
    boolean sameServer;

    @Option(names = "--source-password-env", paramLabel = "VAR", description = "Variable holding the source password (default PGPASSWORD).")
    String sourcePasswordEnv;

    @Option(names = "--target-password-env", paramLabel = "VAR", description = "Variable holding the target password (default PGPASSWORD).")
    String targetPasswordEnv;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the report (default envclone-report-<environment>.md).")
    Path report;

    @Mixin
    ServiceOptions services;

    @Mixin
    StallOption stall;

    @Mixin
    OutputOptions output;

    private final Map<String, String> environment;

    public CloneCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        EnvironmentPlan plan;
        CloneRun.Settings settings;
        try {
            plan = plan();
            String name = plan.environment();
            settings = new CloneRun.Settings(StateDirectory.of(environment), services.external(), LocalServices.root(),
                    report, output.json(), System.console() != null, sameServer, requestedBy(environment),
                    environment, () -> confirmInteractively(name), stall.stallTimeout());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new CloneRun(settings, spec.commandLine().getOut(), spec.commandLine().getErr()).run(plan);
    }

    private EnvironmentPlan plan() throws java.io.IOException {
        DatabaseUrl from = DatabaseUrl.parse("--source", source, sourcePasswordEnv, environment);
        DatabaseUrl to = DatabaseUrl.parse("--target", target, targetPasswordEnv, environment);
        TestEnvironmentSpec file = manifest == null ? null : Manifests.testEnvironment(manifest).getSpec();
        if (file != null && file.target() != null && file.target().environment() != null
                && !file.target().environment().equals(to.database())) {
            throw new IllegalArgumentException("--target names " + to.database() + " but " + manifest + " says"
                    + " spec.target.environment: " + file.target().environment() + ": make them agree");
        }
        RuleSet ruleSet = rules != null ? RuleSetFiles.read(rules)
                : file != null && file.anonymization() != null && !file.anonymization().rules().isEmpty()
                        ? file.anonymization().ruleSet() : null;
        String chosenPolicy = policy != null ? policy : file != null && file.anonymization() != null
                ? file.anonymization().policy() : null;
        Selection tableSelection = tables == null && exclude == null
                ? (file == null || file.source() == null ? null : file.source().tables())
                : new Selection(tables, exclude);
        return new EnvironmentPlan(from, to, type != null ? type : file != null && file.type() != null ? file.type()
                : EnvironmentType.TEST, file == null || file.source() == null ? null : file.source().schemas(),
                tableSelection, Map.of(), ruleSet, chosenPolicy, file == null ? null : file.validation(),
                file == null ? null : file.retention(), parallel, batchSize, yes);
    }

    static String requestedBy(Map<String, String> environment) {
        return "envclone-cli:" + environment.getOrDefault("USER", System.getProperty("user.name"));
    }

    /** On a terminal, replacing an environment that exists needs its name typed. */
    static boolean confirmInteractively(String environment) {
        return Confirmation.typed(environment + " exists and this clone replaces it.", environment);
    }
}
