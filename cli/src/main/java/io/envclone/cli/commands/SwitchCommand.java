package io.envclone.cli.commands;

import io.envclone.cli.ExitCode;
import io.envclone.cli.local.DatabaseUrl;
import io.envclone.cli.local.Environments;
import io.envclone.cli.local.ServiceClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envclone switch}: point the application on this machine at an environment, never at production. */
@Command(name = "switch", mixinStandardHelpOptions = true,
        description = {"Point the application here at an environment (never at production).",
            "Writes DATABASE_URL, PGHOST, PGPORT, PGDATABASE, PGUSER and",
            "ENVCLONE_ENVIRONMENT into a .env file; its other lines stay. No password is",
            "written: the application keeps reading PGPASSWORD. Only an environment",
            "envclone made can be switched to. Starts no service (a validator given with",
            "--validator-url is asked first)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage",
            "3:refused (not an environment envclone made, or the --source database)"})
public final class SwitchCommand extends EnvironmentCommand {

    /** What {@code --output json} prints. */
    record Switched(String environment, String cloneId, String envFile, Map<String, String> variables) {
    }

    @Option(names = "--env-file", defaultValue = ".env", paramLabel = "FILE",
            description = "The file to write (default ${DEFAULT-VALUE} in the current directory).")
    Path envFile;

    /** Given, switching to the source's database is refused whatever its markers say. */
    @ArgGroup(exclusive = false, multiplicity = "0..1")
    SourceOptions sourceOptions;

    public SwitchCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    int execute() throws Exception {
        DatabaseUrl target = target();
        if (sourceOptions != null) {
            DatabaseUrl source = source(sourceOptions);
            if (source.sameServer(target) && source.database().equals(target.database())) {
                return refused(target.database() + " is the --source database: production can never be switched to"
                        + " for writing; nothing was written");
            }
        }
        String url = services.validatorUrl();
        Optional<String> cloneId = Environments.describe(url == null ? null : new ServiceClient("validator", url), target)
                .map(state -> state.cloneId());
        if (cloneId.isEmpty()) {
            return refused(target.database() + " on " + target.host() + ":" + target.port() + " is not an environment"
                    + " envclone made: production can never be switched to for writing; nothing was written");
        }
        Map<String, String> settings = settings(target);
        DotEnvFile.update(envFile, settings);
        if (output.json()) {
            printJson(new Switched(target.database(), cloneId.get(), envFile.toAbsolutePath().toString(), settings));
        } else {
            out().println(target.database() + " (clone " + cloneId.get() + ") is now the active environment: "
                    + String.join(", ", settings.keySet()) + " written to " + envFile.toAbsolutePath());
        }
        return ExitCode.DONE;
    }

    /** The variables an application and psql read; the password stays where it is (PGPASSWORD). */
    static Map<String, String> settings(DatabaseUrl target) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DATABASE_URL", target.toString());
        settings.put("PGHOST", target.host());
        settings.put("PGPORT", String.valueOf(target.port()));
        settings.put("PGDATABASE", target.database());
        settings.put("PGUSER", target.user());
        settings.put("ENVCLONE_ENVIRONMENT", target.database());
        return settings;
    }
}
