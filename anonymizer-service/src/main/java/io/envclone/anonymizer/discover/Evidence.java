package io.envclone.anonymizer.discover;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a column was judged: by its name, its type, or its sampled values. */
public enum Evidence {
    NAME, TYPE, CONTENT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
