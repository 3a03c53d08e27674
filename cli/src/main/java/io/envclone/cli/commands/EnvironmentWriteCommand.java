package io.envclone.cli.commands;

import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.Environments;
import io.envclone.cli.local.LocalRuntime;
import java.util.EnumSet;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A command that replaces or removes what an environment holds (reset, rollback, delete): confirmed
 * by {@code --yes} or by typing the name on a terminal before anything starts, else refused with
 * nothing done; then done by the validator, which judges and audits the write as it does a landing.
 */
abstract class EnvironmentWriteCommand extends EnvironmentCommand {

    @Option(names = "--yes", description = "Go on without asking: the environment's name is the confirmation.")
    boolean yes;

    EnvironmentWriteCommand(Map<String, String> environment) {
        super(environment);
    }

    /** What is about to happen, as a terminal is told before it is asked for the name. */
    abstract String consequence(String environment);

    /** The write, through the validator; prints what became of the environment and returns the exit status. */
    abstract int write(Environments validator, DatabaseUrl target, String confirm, String requestedBy) throws Exception;

    @Override
    final int execute() throws Exception {
        DatabaseUrl target = target();
        String environment = target.database();
        if (!yes && !Confirmation.typed(consequence(environment), environment)) {
            return refused(spec.name() + " of " + environment + " needs its confirmation: give --yes, or run it on a"
                    + " terminal and type the name; nothing was done");
        }
        step(spec.name() + " of " + environment + " on " + target.host() + ":" + target.port());
        try (LocalRuntime runtime = start(EnumSet.of(LocalRuntime.Service.VALIDATOR), target)) {
            return write(new Environments(runtime.validator()), target, environment, CloneCommand.requestedBy(variables));
        }
    }
}
