package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.CloneRecord;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.EnvironmentState;
import io.envclone.cli.local.Environments;
import io.envclone.cli.local.ServiceClient;
import io.envclone.cli.local.StateDirectory;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code envclone status}: what an environment is now, and whether a clone into it is unfinished. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show an environment: its clone, its copies, an unfinished clone into it.",
            "The type, the clone it holds and when it was made, the copies kept beside it",
            "(pristine for resets, previous for a rollback, with when it expires), and an",
            "interrupted clone recorded on this machine. ENVIRONMENT defaults to the",
            "--target URL's database. Reads only and starts no service (a validator given",
            "with --validator-url is asked first)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:failed, or no such environment and no clone into it", "2:bad usage"})
public final class StatusCommand extends EnvironmentCommand {

    /** An interrupted clone as the state directory keeps it. */
    record InFlight(String cloneId, String phase, String startedAt) {
    }

    /** What {@code --output json} prints; {@code state} is null when envclone made no such environment. */
    record Status(String environment, boolean exists, EnvironmentState state, InFlight cloneInFlight) {
    }

    public StatusCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    boolean environmentRequired() {
        return false;
    }

    @Override
    int execute() throws Exception {
        DatabaseUrl target = target();
        String url = services.validatorUrl();
        EnvironmentState state = Environments.describe(url == null ? null : new ServiceClient("validator", url), target)
                .orElse(null);
        InFlight inFlight = StateDirectory.of(variables).clone(target.database()).map(StatusCommand::inFlight).orElse(null);
        if (output.json()) {
            printJson(new Status(target.database(), state != null, state, inFlight));
        } else {
            if (state != null) {
                EnvironmentText.print(out(), state);
            } else {
                out().println(target.database() + " on " + target.host() + ":" + target.port()
                        + " is not an environment envclone made");
            }
            if (inFlight != null) {
                out().println("A clone into " + target.database() + " was interrupted (" + inFlight.cloneId() + ", "
                        + inFlight.phase() + ", started " + inFlight.startedAt() + "): it will resume on the next"
                        + " envclone clone");
            }
        }
        return state != null || inFlight != null ? ExitCode.DONE : ExitCode.FAILED;
    }

    private static InFlight inFlight(CloneRecord record) {
        return new InFlight(record.cloneId(), record.status() == null ? null : record.status().phase().wireName(),
                record.startedAt());
    }
}
