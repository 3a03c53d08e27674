package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.SchemaComparison;
import java.util.EnumSet;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;

/** {@code envclone diff}: whether an environment's schema still is its source's. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare an environment's schema with its source's.",
            "Tables, columns, constraints, indexes, views, functions, triggers, policies,",
            "sequences, types and grants, read by the cloner in read-only sessions; the",
            "data is not compared (an environment's is anonymized).",
            "Identical: says so, exit 0. Different: prints each difference and exits 4,",
            "since a schema that drifted from its source is a failed check."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:identical", "1:failed", "2:bad usage", "4:the schemas differ"})
public final class DiffCommand extends ServiceCommand {

    /** What {@code --output json} prints. */
    record Outcome(String source, String target, boolean identical, String text, Object diff) {
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    SourceOptions sourceOptions;

    @ArgGroup(exclusive = false, multiplicity = "1")
    TargetOptions targetOptions;

    public DiffCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    int execute() throws Exception {
        DatabaseUrl source = source(sourceOptions);
        DatabaseUrl target = target(targetOptions);
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
