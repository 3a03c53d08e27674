package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.EnvironmentState;
import io.envclone.cli.local.Environments;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envclone reset}: an environment back to its clone in seconds, from the copy kept beside it. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Put an environment back as it was cloned, in seconds, without a new clone.",
            "full: the pristine copy replaces it (scenarios applied since, again);",
            "data-only: the rows come back from the pristine copy, schema changes stay",
            "(the role must be able to set session_replication_role);",
            "previous: the copy the last clone into it replaced.",
            "What it holds now is lost: confirm with --yes or by typing its name."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage", "3:refused by a safety check or not confirmed"})
public final class ResetCommand extends EnvironmentWriteCommand {

    /** {@code --mode}: what the environment comes back from. */
    public enum Mode {
        FULL("full"), DATA_ONLY("data-only"), PREVIOUS("previous");

        private final String wire;

        Mode(String wire) {
            this.wire = wire;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /** What {@code --output json} prints. */
    record Outcome(String environment, String mode, EnvironmentState state) {
    }

    @Option(names = "--mode", defaultValue = "full", paramLabel = "full|data-only|previous",
            converter = ModeConverter.class, description = "What to reset from (default ${DEFAULT-VALUE}).")
    Mode mode;

    public ResetCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    String consequence(String environment) {
        return environment + " is reset (" + mode + ") and what it holds now is lost.";
    }

    @Override
    int write(Environments validator, DatabaseUrl target, String confirm, String requestedBy) throws Exception {
        EnvironmentState state = validator.reset(target, mode.toString(), confirm, requestedBy);
        if (output.json()) {
            printJson(new Outcome(state.environment(), mode.toString(), state));
        } else {
            out().println(state.environment() + " is reset (" + mode + "): clone " + state.cloneId() + " as it was cloned");
            EnvironmentText.print(out(), state);
        }
        return ExitCode.DONE;
    }

    /** Takes the names as the validator spells them ({@code data-only}), in any case. */
    public static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode candidate : Mode.values()) {
                if (candidate.wire.equalsIgnoreCase(value) || candidate.name().equalsIgnoreCase(value)) {
                    return candidate;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("must be full, data-only or previous, got " + value);
        }
    }
}
