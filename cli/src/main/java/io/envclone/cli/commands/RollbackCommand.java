package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.EnvironmentState;
import io.envclone.cli.local.Environments;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code envclone rollback}: the copy the last refresh replaced becomes the environment again. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Make the copy the last clone replaced the environment again.",
            "The environment it replaces becomes the previous copy in turn, so a rollback",
            "can itself be rolled back. Confirm with --yes or by typing its name."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (e.g. no previous copy is kept)", "2:bad usage",
            "3:refused by a safety check or not confirmed"})
public final class RollbackCommand extends EnvironmentWriteCommand {

    public RollbackCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    String consequence(String environment) {
        return environment + " is replaced by its previous copy.";
    }

    @Override
    int write(Environments validator, DatabaseUrl target, String confirm, String requestedBy) throws Exception {
        EnvironmentState state = validator.rollback(target, confirm, requestedBy);
        if (output.json()) {
            printJson(state);
        } else {
            out().println(state.environment() + " is rolled back: clone " + state.cloneId() + " is live again");
            EnvironmentText.print(out(), state);
        }
        return ExitCode.DONE;
    }
}
