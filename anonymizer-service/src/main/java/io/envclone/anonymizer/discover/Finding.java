package io.envclone.anonymizer.discover;

import io.envclone.api.anonymize.ColumnRule;
import java.util.Map;

/**
 * A column discovery judged sensitive: the transformer it proposes ({@code type}, {@code options})
 * and why. In {@link Proposal#unresolved()}, {@code type} is what the column would need and the
 * reason says why no rule could be proposed.
 */
public record Finding(String column, String type, Map<String, String> options, String reason, Evidence evidence) {

    public Finding {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public ColumnRule rule() {
        return new ColumnRule(column, type, options, Map.of(), reason);
    }
}
