package io.envclone.cli.commands;

import io.envclone.cli.local.LocalRuntime;
import io.envclone.cli.local.LocalRuntime.Service;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        return external(EnumSet.allOf(Service.class));
    }

    /** The services given, once those {@code needed} are all given or none is (envclone then starts them). */
    public LocalRuntime.External external(Set<Service> needed) {
        LocalRuntime.External given = new LocalRuntime.External(kafka, cloner, anonymizer, validator);
        long named = needed.stream().filter(service -> given.url(service) != null).count();
        if (named != 0 && named != needed.size()) {
            List<String> options = needed.stream().sorted().map(service -> "--" + service.name().toLowerCase(Locale.ROOT)
                    + "-url").toList();
            throw new IllegalArgumentException("give " + String.join(", ", options.subList(0, options.size() - 1))
                    + " and " + options.get(options.size() - 1) + " together, or none (envclone then starts all "
                    + (needed.size() == 3 ? "three" : "of them") + ")");
        }
        return given;
    }

    /** The validator given with {@code --validator-url}, or null. */
    String validatorUrl() {
        return validator;
    }
}
