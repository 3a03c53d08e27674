package io.envclone.api.secret;

import java.util.Objects;

/**
 * A credential held in memory only. {@link #toString()} never shows it, so a secret that
 * ends up in a log statement, an exception message or a serialized record stays hidden.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The credential itself, for the one place that hands it to a driver. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return ConnectionUrls.MASK;
    }
}
