package io.envclone.cli.commands;

import io.envclone.cli.local.LocalRuntime;
import picocli.CommandLine.Option;

/** {@code --kafka} and the services' URLs: given, envclone uses them instead of starting its own. */
public final class ServiceOptions {

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Kafka to use instead of starting one in this process.")
    String kafka;

    @Option(names = "--cloner-url", paramLabel = "URL", description = "A running cloner-service (with the two below).")
    String cloner;

    @Option(names = "--anonymizer-url", paramLabel = "URL", description = "A running anonymizer-service.")
    String anonymizer;

    @Option(names = "--validator-url", paramLabel = "URL", description = "A running validator-service.")
    String validator;

    public LocalRuntime.External external() {
        int given = (cloner == null ? 0 : 1) + (anonymizer == null ? 0 : 1) + (validator == null ? 0 : 1);
        if (given != 0 && given != 3) {
            throw new IllegalArgumentException("give --cloner-url, --anonymizer-url and --validator-url together, or none"
                    + " (envclone then starts all three)");
        }
        return new LocalRuntime.External(kafka, cloner, anonymizer, validator);
    }
}
