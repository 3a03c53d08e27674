package io.envclone.cloner.stream;

import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.fingerprint.TextPatterns;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds a clone's source fingerprints in its snapshot, before its first batch: every non-null value
 * of the requested columns, with the clone's row filters, as text, whole and by the tokens the leak
 * gate looks for inside it ({@link TextPatterns#leakTokens}), so an email in a message body or a
 * jsonb document is fingerprinted as surely as one in an email column. Values stream with a fetch
 * size and are never kept or logged: only counts are.
 */
final class SourceFingerprinting {

    private static final Logger LOG = Logger.getLogger(SourceFingerprinting.class);
    static final int FETCH_ROWS = 1_000;
    /**
     * The filter is sized for twice the values: six normal forms per value at its designed rate of
     * false yes, more than emails (one form), phones (three) and texts with a few tokens hold on average.
     */
    private static final int EXPECTED_PER_VALUE = 2;

    private SourceFingerprinting() {
    }

    /** Stops with an error once {@code cancel} is set; the caller tells that as the cancel it is. */
    static CloneFingerprints build(Connection connection, String cloneId, FingerprintRequest request,
            List<SourceTable> tables, RowFilters filters, CancelToken cancel) throws SQLException {
        long started = System.nanoTime();
        Map<SourceTable, List<String>> columns = request.byTable(tables);
        long expected = 0;
        for (Map.Entry<SourceTable, List<String>> table : columns.entrySet()) {
            expected += count(connection, table.getKey(), table.getValue(), filters);
        }
        SourceFingerprints filter = SourceFingerprints.sized(request.key(), Math.max(1, expected) * EXPECTED_PER_VALUE);
        long values = 0;
        for (Map.Entry<SourceTable, List<String>> table : columns.entrySet()) {
            values += add(connection, cloneId, table.getKey(), table.getValue(), filters, filter, cancel);
        }
        return new CloneFingerprints(filter, values, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The non-null values the filter will hold: a count reads no text, so sizing costs one cheap pass. */
    private static long count(Connection connection, SourceTable table, List<String> columns, RowFilters filters)
            throws SQLException {
        String counts = String.join(" + ", columns.stream().map(column -> "count(" + column + ")").toList());
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select " + counts + " from only " + table.qualified()
                        + where(table, filters))) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long add(Connection connection, String cloneId, SourceTable table, List<String> columns,
            RowFilters filters, SourceFingerprints filter, CancelToken cancel) throws SQLException {
        String select = String.join(", ", columns.stream().map(column -> column + "::text").toList());
        long values = 0;
        long tokens = 0;
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_ROWS); // a cursor: the table is never held in memory
            try (ResultSet row = statement.executeQuery("select " + select + " from only " + table.qualified()
                    + where(table, filters))) {
                while (row.next()) {
                    if (++rows % FETCH_ROWS == 0 && cancel.cancelled()) {
                        throw new SQLException("the clone was cancelled while fingerprinting " + table.displayName());
                    }
                    for (int column = 1; column <= columns.size(); column++) {
                        String value = row.getString(column);
                        if (value == null || value.isBlank()) {
                            continue;
                        }
                        filter.add(value);
                        values++;
                        for (String token : TextPatterns.leakTokens(value)) {
                            filter.add(token);
                            tokens++;
                        }
                    }
                }
            }
        }
        LOG.infof("clone %s fingerprints: table %s, %d values (%d tokens inside them) of %d columns", cloneId,
                table.displayName(), values, tokens, columns.size());
        return values;
    }

    private static String where(SourceTable table, RowFilters filters) {
        String condition = filters.forTable(table);
        return condition == null ? "" : " where (" + condition + ")";
    }
}
