package io.envclone.cli.local;

import io.envclone.api.fingerprint.PiiClass;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Discovery by value: the columns nobody would call personal by their name whose sampled values
 * are values of a sensitive column ({@code audit.changed_by} holding {@code staff.username}s). Asked
 * of the source itself, read-only, one query a sensitive column (a hash join of the sampled values
 * against it), so a column of a large table is matched against all its values, not a sample of
 * them. Nothing read is printed or kept: only which column holds which.
 */
public final class SameValues {

    /** At least this share of a column's distinct sampled values must be the other's, and two of them. */
    private static final double SHARE = 0.5;
    private static final int TIMEOUT_SECONDS = 30;
    private static final Set<String> TEXT = Set.of("text", "character varying", "character", "citext", "name");

    private SameValues() {
    }

    /** Each cleared text column holding a sensitive column's values, to that column ({@code schema.table.column}). */
    public static Map<String, String> find(DatabaseUrl source, SourceSample sample, Discovery discovery)
            throws SQLException {
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        Map<String, String> sensitiveRules = new LinkedHashMap<>();
        discovery.findings().stream().filter(Discovery.Finding::resolved).forEach(finding ->
                sensitiveRules.put(finding.column(), finding.rule()));
        for (Map<String, Object> column : sample.columns()) {
            String qualified = column.get("table") + "." + column.get("column");
            if (!TEXT.contains(bare(String.valueOf(column.get("type")))) || Boolean.TRUE.equals(column.get("generated"))) {
                continue;
            }
            if (!discovery.sensitiveColumns().contains(qualified)) {
                Set<String> values = new LinkedHashSet<>();
                for (Map<String, String> row : sample.samples().getOrDefault(String.valueOf(column.get("table")), List.of())) {
                    String value = row == null ? null : row.get(String.valueOf(column.get("column")));
                    if (value != null && value.strip().length() >= 3) {
                        values.add(value);
                    }
                }
                if (values.size() >= 2) {
                    candidates.put(qualified, values);
                }
            }
        }
        Map<String, String> same = new LinkedHashMap<>();
        if (candidates.isEmpty()) {
            return same;
        }
        Set<String> all = new HashSet<>();
        candidates.values().forEach(all::addAll);
        try (Connection connection = SourceSample.readOnly(source)) {
            try (var timeout = connection.createStatement()) {
                timeout.execute("set local statement_timeout = '" + TIMEOUT_SECONDS + "s'");
            }
            for (Map.Entry<String, String> sensitive : sensitiveRules.entrySet()) {
                PiiClass of = PiiClass.ofRule(sensitive.getValue(), Map.of());
                if (of == null || of == PiiClass.BIRTH_DATE || !isText(sample, sensitive.getKey())) {
                    continue;
                }
                Set<String> found = found(connection, sensitive.getKey(), all);
                candidates.forEach((column, values) -> {
                    long shared = values.stream().filter(found::contains).count();
                    if (!same.containsKey(column) && shared >= 2 && shared >= SHARE * values.size()) {
                        same.put(column, sensitive.getKey());
                    }
                });
            }
            connection.rollback();
        }
        return same;
    }

    private static Set<String> found(Connection connection, String column, Set<String> values) throws SQLException {
        String[] parts = column.split("\\.", 3);
        Set<String> found = new HashSet<>();
        try (PreparedStatement sql = connection.prepareStatement("select distinct s.v from unnest(?::text[]) s(v) join only "
                + quote(parts[0]) + "." + quote(parts[1]) + " y on y." + quote(parts[2]) + "::text = s.v")) {
            Array array = connection.createArrayOf("text", values.toArray());
            sql.setArray(1, array);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1));
                }
            }
        } catch (SQLException e) {
            if (!"57014".equals(e.getSQLState())) { // a timeout: that column is not compared, the rest are
                throw e;
            }
        }
        return found;
    }

    private static boolean isText(SourceSample sample, String qualified) {
        return sample.columns().stream().anyMatch(column -> qualified.equals(column.get("table") + "." + column.get("column"))
                && TEXT.contains(bare(String.valueOf(column.get("type")))));
    }

    private static String bare(String type) {
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
