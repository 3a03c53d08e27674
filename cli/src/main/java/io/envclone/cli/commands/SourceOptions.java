package io.envclone.cli.commands;

import picocli.CommandLine.Option;

/**
 * {@code --source} and where its password is: an argument group, required where a command reads
 * the source, optional where it only compares with it.
 */
final class SourceOptions {

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "postgresql://user@host:port/database of the source (production): only ever read.")
    String url;

    @Option(names = "--source-password-env", paramLabel = "VAR", description = "Variable holding the source password (default PGPASSWORD).")
    String passwordVariable;
}
