package io.envclone.cli.commands;

import io.envclone.cli.OutputFormat;
import picocli.CommandLine.Option;

/** {@code --output}: text for people, json for scripts (then stdout holds one JSON document and progress goes to stderr). */
public final class OutputOptions {

    @Option(names = {"--output", "-O"}, defaultValue = "text", paramLabel = "text|json",
            description = "text or json (default ${DEFAULT-VALUE}); with json, stdout holds one JSON document.")
    OutputFormat format;

    public boolean json() {
        return format == OutputFormat.JSON;
    }
}
