package io.envclone.cli.demo;

import io.envclone.testing.demo.DemoOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --scale} and {@code --seed} of the demo production database, for the commands that generate it. */
public final class DemoDataOptions {

    @Option(names = "--scale", defaultValue = "0.1", description = "Size: 1 is about a million rows (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same data (default ${DEFAULT-VALUE}).")
    long seed;

    /** The options checked; out of range is bad usage naming the option. */
    DemoOptions options(CommandSpec spec) {
        try {
            return new DemoOptions(scale, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    String describe() {
        return "scale " + scale + ", seed " + seed;
    }
}
