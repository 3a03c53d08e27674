package io.envclone.api.safety;

import java.util.List;
import java.util.Set;

/**
 * What the safety guard knows beyond the manifest: the registered production sources, servers
 * known to be production, whether the environment exists already, the columns discovery judged
 * sensitive ({@code schema.table.column}), the anonymizer's transformer types, and whether a
 * target may be another database on a source's server ({@code sameServerAllowed}: local mode on
 * one machine, as the validator's {@code same-server-allowed}; never in a cluster).
 */
public record SafetyFacts(List<RegisteredSource> sources, Set<String> productionHosts, boolean environmentExists,
        Set<String> sensitiveColumns, Set<String> transformerTypes, boolean sameServerAllowed) {

    public SafetyFacts(List<RegisteredSource> sources, Set<String> productionHosts, boolean environmentExists,
            Set<String> sensitiveColumns, Set<String> transformerTypes) {
        this(sources, productionHosts, environmentExists, sensitiveColumns, transformerTypes, false);
    }

    /** The anonymizer's transformers ({@code anonymizer-service} {@code Transformers}). */
    public static final Set<String> TRANSFORMERS = Set.of("email", "template", "custom", "name", "first_name",
            "last_name", "company", "address", "city", "phone", "national_id", "card", "iban", "financial", "date",
            "number", "amount", "constant", "null", "hash", "keep", "scrub", "tsvector", "password",
            "username", "postal_code");

    /**
     * A production source envclone may read: its server and database, and whether the role the
     * connection secret gives was proven read-only.
     */
    public record RegisteredSource(String name, String host, int port, String database, boolean readOnly) {
    }

    public SafetyFacts {
        sources = sources == null ? List.of() : List.copyOf(sources);
        productionHosts = productionHosts == null ? Set.of() : Set.copyOf(productionHosts);
        sensitiveColumns = sensitiveColumns == null ? Set.of() : Set.copyOf(sensitiveColumns);
        transformerTypes = transformerTypes == null || transformerTypes.isEmpty() ? TRANSFORMERS
                : Set.copyOf(transformerTypes);
    }
}
