package io.envclone.cli.commands;

import picocli.CommandLine.Option;

/** {@code --target} and where its password is: the environment's database, or its server. */
final class TargetOptions {

    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "postgresql://user@host:port/database of the environment (or of its server).")
    String url;

    @Option(names = "--target-password-env", paramLabel = "VAR", description = "Variable holding the target password (default PGPASSWORD).")
    String passwordVariable;
}
