package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.Environments;
import io.envclone.cli.local.StateDirectory;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code envclone delete}: an environment and every copy of it envclone made, gone. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Drop an environment and every copy of it envclone made.",
            "The pristine and previous copies and a build left over go too; a database",
            "envclone did not make is refused, whatever its name. An interrupted clone",
            "recorded for it is forgotten. Confirm with --yes or by typing its name."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage",
            "3:refused (not an environment envclone made, not confirmed, or a safety check)"})
public final class DeleteCommand extends EnvironmentWriteCommand {

    /** What {@code --output json} prints. */
    record Outcome(String environment, List<String> dropped) {
    }

    public DeleteCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    String consequence(String environment) {
        return environment + " and every copy of it are dropped.";
    }

    @Override
    int write(Environments validator, DatabaseUrl target, String confirm, String requestedBy) throws Exception {
        List<String> dropped = validator.delete(target, confirm, requestedBy);
        if (dropped.isEmpty()) {
            // the validator drops only what carries its marker: nothing dropped means envclone made nothing of this name
            return refused(target.database() + " on " + target.host() + ":" + target.port() + " is not an environment"
                    + " envclone made; nothing was dropped");
        }
        StateDirectory.of(variables).forget(target.database());
        if (output.json()) {
            printJson(new Outcome(target.database(), dropped));
        } else {
            out().println(target.database() + " is deleted: dropped " + String.join(", ", dropped));
        }
        return ExitCode.DONE;
    }
}
