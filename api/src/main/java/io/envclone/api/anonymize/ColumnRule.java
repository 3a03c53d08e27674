package io.envclone.api.anonymize;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happens to one column: {@code column} is {@code schema.table.column}; {@code type} names
 * the transformer ({@code email}, {@code name}, {@code phone}, {@code scrub}, ...); {@code options}
 * are the transformer's ({@code template}, {@code locale}, {@code days}, ...); {@code paths} give
 * keys inside a {@code jsonb} column a transformer of their own ({@code guest.email: email});
 * {@code reason} says why, required for {@code keep} under the strict policy.
 */
public record ColumnRule(
        @JsonPropertyDescription("The column, schema.table.column.") String column,
        @JsonPropertyDescription("The transformer: email, name, first_name, last_name, phone, national_id, date, address, city, iban, hash, scrub, null, keep, ...")
        String type,
        @JsonPropertyDescription("The transformer's options (template, locale, days, keep, ...).") Map<String, String> options,
        @JsonPropertyDescription("Keys inside a jsonb column given a transformer of their own, e.g. guest.email: email.")
        Map<String, String> paths,
        @JsonPropertyDescription("Why; required for keep under the strict policy.") String reason) {

    public ColumnRule {
        options = options == null ? Map.of() : new TreeMap<>(options);
        paths = paths == null ? Map.of() : new TreeMap<>(paths);
        reason = reason == null ? "" : reason;
    }

    public static ColumnRule of(String column, String type) {
        return new ColumnRule(column, type, Map.of(), Map.of(), "");
    }

    public ColumnRule withOption(String name, String value) {
        Map<String, String> more = new TreeMap<>(options);
        more.put(name, value);
        return new ColumnRule(column, type, more, paths, reason);
    }

    /** {@code schema.table} of the column, or null when {@code column} is not {@code schema.table.column}. */
    public String tableName() {
        String[] parts = parts();
        return parts == null ? null : parts[0] + "." + parts[1];
    }

    /** The column's own name, or null when {@code column} is not {@code schema.table.column}. */
    public String columnName() {
        String[] parts = parts();
        return parts == null ? null : parts[2];
    }

    private String[] parts() {
        String[] parts = column == null ? new String[0] : column.split("\\.");
        return parts.length == 3 ? parts : null;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
