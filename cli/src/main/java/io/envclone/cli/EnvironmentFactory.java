package io.envclone.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * Gives commands the process environment through their constructor, so tests can pass their
 * own (a password in {@code PGPASSWORD}) without touching the real one.
 */
final class EnvironmentFactory implements CommandLine.IFactory {

    private final Map<String, String> environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    EnvironmentFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return type.getDeclaredConstructor(Map.class).newInstance(environment);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
