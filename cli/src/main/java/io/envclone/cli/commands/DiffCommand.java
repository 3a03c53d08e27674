package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.SchemaComparison;
import java.util.EnumSet;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envclone diff}: whether an environment's schema still is its source's. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare the target's schema with the source's (tables, columns, constraints, indexes, views,",
            "functions, triggers, policies, sequences, types, grants), both read in read-only sessions by the cloner.",
            "Identical: says so and exits 0. Different: prints each difference and exits 4, since a schema that",
            "drifted from its source is a failed check (the data is not compared: an environment's is anonymized)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:identical", "1:failed", "2:bad usage", "4:the schemas differ"})
public final class DiffCommand extends ServiceCommand {

    /** What {@code --output json} prints. */
    record Outcome(String source, String target, boolean identical, String text, Object diff) {
    }

    @Option(names = "--source", required = true, paramLabel = "URL", description = "postgresql://user@host:port/database: the reference.")
    String sourceUrl;

    @Option(names = "--target", required = true, paramLabel = "URL", description = "postgresql://user@host:port/database: compared with it.")
    String targetUrl;

    @Option(names = "--source-password-env", paramLabel = "VAR", description = "Variable holding the source password (default PGPASSWORD).")
    String sourcePasswordEnv;

    @Option(names = "--target-password-env", paramLabel = "VAR", description = "Variable holding the target password (default PGPASSWORD).")
    String targetPasswordEnv;

    public DiffCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    int execute() throws Exception {
        DatabaseUrl source = database("--source", sourceUrl, sourcePasswordEnv);
        DatabaseUrl target = database("--target", targetUrl, targetPasswordEnv);
        SchemaComparison comparison;
        try (LocalRuntime runtime = start(EnumSet.of(LocalRuntime.Service.CLONER), target)) {
            step("comparing the schema of " + target + " with " + source);
            comparison = SchemaComparison.of(runtime.cloner(), source, target);
        }
        if (output.json()) {
            printJson(new Outcome(source.toString(), target.toString(), comparison.identical(), comparison.text(),
                    comparison.diff()));
        } else if (comparison.identical()) {
            out().println("identical: " + target + " has the schema of " + source);
        } else {
            out().println(target + " differs from " + source + ":");
            out().println(comparison.text());
        }
        return comparison.identical() ? ExitCode.DONE : ExitCode.VALIDATION_FAILED;
    }
}
