package io.envclone.api.safety;

/** Why a manifest may not be applied: the field at fault and what to do about it. */
public record Denial(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
