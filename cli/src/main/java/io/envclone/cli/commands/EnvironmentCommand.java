package io.envclone.cli.commands;

import io.envclone.cli.local.DatabaseUrl;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * A command on one environment envclone made: {@code ENVIRONMENT} and the server it is on
 * ({@code --target}, whose role the validator connects as). The target URL's database only
 * stands in for {@code ENVIRONMENT} where a command lets it be left out.
 */
abstract class EnvironmentCommand extends ServiceCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENVIRONMENT", description = "The environment (its database's name).")
    String name;

    @ArgGroup(exclusive = false, multiplicity = "1")
    TargetOptions targetOptions;

    EnvironmentCommand(Map<String, String> environment) {
        super(environment);
    }

    /** Whether {@code ENVIRONMENT} must be named: a command that changes it may not take it from a URL. */
    boolean environmentRequired() {
        return true;
    }

    /** The environment's database on the target's server. */
    DatabaseUrl target() {
        DatabaseUrl server = target(targetOptions);
        if (name == null && environmentRequired()) {
            throw new ParameterException(spec.commandLine(), "name the ENVIRONMENT to " + spec.name()
                    + " (the --target URL only says which server it is on)");
        }
        return name == null ? server : server.withDatabase(name);
    }
}
