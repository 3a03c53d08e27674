package io.envclone.cli;

import io.envclone.cli.commands.CloneCommand;
import io.envclone.cli.demo.DemoCommand;
import io.envclone.cli.demo.GenerateDemoCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code envclone} command. */
@Command(name = "envclone", mixinStandardHelpOptions = true, version = "envclone 0.1.0",
        description = "Safe, anonymized copies of production PostgreSQL for test, training, development and staging.",
        subcommands = {DemoCommand.class, CloneCommand.class, GenerateDemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage", "3:refused by a safety check", "4:validation failed"})
public final class EnvcloneCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given environment and streams; returns the exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EnvcloneCli(), new EnvironmentFactory(environment))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            command.getErr().println("envclone: " + exception.getMessage());
            return ExitCode.FAILED;
        });
        int status = commandLine.execute(args);
        // picocli answers bad usage with 2 already; keep every other code as the command chose it
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
