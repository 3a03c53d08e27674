package io.envclone.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envclone validate}: the validator's whole check of an environment that exists, and its report. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate an environment and print its report.",
            "Keys, sequences, health and the functionality suite (its writes are rolled",
            "back: nothing changes), and with --source the schema against the source's",
            "(read by the cloner, read-only). The report (Markdown) is kept by the validator."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed", "1:failed to validate", "2:bad usage", "3:refused by a safety check",
            "4:validation failed"})
public final class ValidateCommand extends ServiceCommand {

    @ArgGroup(exclusive = false, multiplicity = "1")
    TargetOptions targetOptions;

    /** Given, the schema is compared with the source's too. */
    @ArgGroup(exclusive = false, multiplicity = "0..1")
    SourceOptions sourceOptions;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report (Markdown) to FILE.")
    Path report;

    public ValidateCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    int execute() throws Exception {
        DatabaseUrl target = target(targetOptions);
        DatabaseUrl source = sourceOptions == null ? null : source(sourceOptions);
        Set<LocalRuntime.Service> needed = source == null ? EnumSet.of(LocalRuntime.Service.VALIDATOR)
                : EnumSet.of(LocalRuntime.Service.CLONER, LocalRuntime.Service.VALIDATOR);
        Validation validation;
        try (LocalRuntime runtime = start(needed, target)) {
            JsonNode migration = null;
            if (source != null) {
                step("reading the schema of " + source + " (read-only)");
                migration = Validation.sourceMigration(runtime.cloner(), source);
            }
            step("validating " + target);
            validation = Validation.of(runtime.validator(), target, migration);
        }
        if (report != null) {
            Files.writeString(report, validation.markdown());
        }
        if (output.json()) {
            printJson(validation);
        } else {
            out().println(validation.markdown());
            out().println(target.database() + ": " + (validation.passed() ? "PASSED, " : "FAILED, ") + validation.summary()
                    + " (report " + validation.reportId() + (report == null ? "" : ", written to "
                    + report.toAbsolutePath()) + ")");
        }
        return validation.passed() ? ExitCode.DONE : ExitCode.VALIDATION_FAILED;
    }
}
