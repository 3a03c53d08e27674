package io.envclone.anonymizer.discover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What discovery reads: the columns of a source schema and a sample of its rows (from the cloner),
 * {@code schema.table} to rows, each row a column's name to its text (or null). {@code sameValues}:
 * columns whose sampled values the source holds in another column ({@code schema.table.column} to
 * that column), found by the caller, who can read the source. Also the body of
 * {@code POST /api/discover}.
 */
public record DiscoveryInput(List<SchemaColumn> columns, Map<String, List<Map<String, String>>> samples,
        Map<String, String> sameValues) {

    public DiscoveryInput {
        columns = columns == null ? List.of() : List.copyOf(columns);
        samples = samples == null ? Map.of() : samples;
        sameValues = sameValues == null ? Map.of() : Map.copyOf(sameValues);
    }

    public DiscoveryInput(List<SchemaColumn> columns, Map<String, List<Map<String, String>>> samples) {
        this(columns, samples, Map.of());
    }

    /** The sampled values of {@code column}, nulls included. */
    public List<String> values(SchemaColumn column) {
        List<Map<String, String>> rows = samples.getOrDefault(column.table(), List.of());
        return rows.stream().map(row -> row == null ? null : row.get(column.column())).toList();
    }

    /** {@code schema.table} to column to type: the map {@code RuleValidator} checks rules against. */
    public Map<String, Map<String, String>> types() {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (SchemaColumn column : columns) {
            types.computeIfAbsent(column.table(), table -> new LinkedHashMap<>()).put(column.column(), column.type());
        }
        return types;
    }
}
