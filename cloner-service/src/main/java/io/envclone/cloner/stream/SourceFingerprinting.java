package io.envclone.cloner.stream;

import io.envclone.api.batch.WireText;
import io.envclone.api.fingerprint.FreeText;
import io.envclone.api.fingerprint.PiiClass;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.fingerprint.SourceMatcher;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds a clone's source fingerprints in its snapshot, before its first batch, with the clone's row
 * filters. Per requested column: its values under their class, and the tokens inside them (emails,
 * phones, ids, IBANs) under theirs, so an email in a message body or a jsonb document is
 * fingerprinted as surely as one in an email column; a table's first and last names also as the
 * full name they make together, which is how people write them in text. Per column without a rule:
 * the tokens inside its text, as public. Values stream with a fetch size and are never kept or
 * logged: only counts are.
 */
final class SourceFingerprinting {

    private static final Logger LOG = Logger.getLogger(SourceFingerprinting.class);
    static final int FETCH_ROWS = 1_000;

    private SourceFingerprinting() {
    }

    /** What one table gives: its requested columns and its text columns without a rule, by index. */
    private record Reading(SourceTable table, Map<Integer, FingerprintRequest.Column> requested, List<Integer> open) {

        List<Integer> read() {
            List<Integer> read = new ArrayList<>(requested.keySet());
            read.addAll(open);
            return read;
        }

        /** The first and last name columns of the table, when it has one of each. */
        int[] names() {
            int first = -1;
            int last = -1;
            for (Map.Entry<Integer, FingerprintRequest.Column> column : requested.entrySet()) {
                if (column.getValue().of() == PiiClass.FIRST_NAME) {
                    first = first == -1 ? column.getKey() : -2;
                } else if (column.getValue().of() == PiiClass.LAST_NAME) {
                    last = last == -1 ? column.getKey() : -2;
                }
            }
            return first >= 0 && last >= 0 ? new int[] {first, last} : null;
        }
    }

    /** Stops with an error once {@code cancel} is set; the caller tells that as the cancel it is. */
    static CloneFingerprints build(Connection connection, String cloneId, FingerprintRequest request,
            List<SourceTable> tables, RowFilters filters, CancelToken cancel) throws SQLException {
        long started = System.nanoTime();
        List<Reading> readings = new ArrayList<>();
        for (SourceTable table : tables) {
            Map<Integer, FingerprintRequest.Column> requested = request.of(table);
            List<Integer> open = new ArrayList<>();
            for (int column = 0; column < table.columns().size(); column++) {
                String type = table.wireTypes().get(column);
                if (!requested.containsKey(column) && (WireText.isText(type) || type.equals("json") || type.equals("jsonb"))) {
                    open.add(column);
                }
            }
            if (!requested.isEmpty() || !open.isEmpty()) {
                readings.add(new Reading(table, requested, open));
            }
        }
        long expected = 0;
        for (Reading reading : readings) {
            expected += count(connection, reading, filters);
        }
        SourceFingerprints filter = SourceFingerprints.sized(request.key(), Math.max(1, expected));
        long values = 0;
        for (Reading reading : readings) {
            values += add(connection, cloneId, reading, filters, filter, cancel);
        }
        return new CloneFingerprints(filter, values, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The values the filter will hold: the requested columns' non-null values (and a full name a row),
     * and the values of the others that may hold a token (a digit or an {@code @}).
     */
    private static long count(Connection connection, Reading reading, RowFilters filters) throws SQLException {
        List<String> counts = new ArrayList<>();
        SourceTable table = reading.table();
        reading.requested().keySet().forEach(at -> counts.add("count(" + table.quotedColumns().get(at) + ")"));
        if (reading.names() != null) {
            counts.add("count(*)");
        }
        reading.open().forEach(at -> counts.add("count(*) filter (where " + table.quotedColumns().get(at)
                + "::text ~ '[0-9@]')"));
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select " + String.join(" + ", counts) + " from only "
                        + table.qualified() + where(table, filters))) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long add(Connection connection, String cloneId, Reading reading, RowFilters filters,
            SourceFingerprints filter, CancelToken cancel) throws SQLException {
        SourceTable table = reading.table();
        List<Integer> read = reading.read();
        // a column without a rule is read for the tokens in it, each of which holds a digit or an @: the server
        // leaves out the rest (pgbench's blank fillers, a million of them, need not travel)
        String select = String.join(", ", read.stream().map(at -> reading.requested().containsKey(at)
                ? table.quotedColumns().get(at) + "::text"
                : "case when " + table.quotedColumns().get(at) + "::text ~ '[0-9@]' then "
                        + table.quotedColumns().get(at) + "::text end").toList());
        Map<Integer, String> openNames = new LinkedHashMap<>();
        reading.open().forEach(at -> openNames.put(at, table.root() + "." + table.columns().get(at)));
        int[] names = reading.names();
        long values = 0;
        long tokens = 0;
        long open = 0;
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_ROWS); // a cursor: the table is never held in memory
            try (ResultSet row = statement.executeQuery("select " + select + " from only " + table.qualified()
                    + where(table, filters))) {
                while (row.next()) {
                    if (++rows % FETCH_ROWS == 0 && cancel.cancelled()) {
                        throw new SQLException("the clone was cancelled while fingerprinting " + table.displayName());
                    }
                    String first = null;
                    String last = null;
                    for (int i = 0; i < read.size(); i++) {
                        String value = row.getString(i + 1);
                        if (value == null || value.isBlank()) {
                            continue;
                        }
                        int at = read.get(i);
                        FingerprintRequest.Column column = reading.requested().get(at);
                        if (column == null) {
                            for (SourceMatcher.Token token : SourceMatcher.tokens(value)) {
                                if (!token.text().equals(value.strip())) { // a whole value is never public
                                    filter.addPublic(openNames.get(at), token.text());
                                    open++;
                                }
                            }
                            continue;
                        }
                        values++;
                        if (column.of() == PiiClass.FREE_TEXT) {
                            FreeText.prose(value).forEach(prose -> filter.add(PiiClass.FREE_TEXT, prose));
                        } else if (column.of() != null && (column.of().identifying() || column.of().dealt())) {
                            // a dealt class (a city) is no secret alone: its values go in for their fakes to be dealt
                            filter.add(column.of(), value);
                        }
                        first = names != null && at == names[0] ? value : first;
                        last = names != null && at == names[1] ? value : last;
                        for (SourceMatcher.Token token : SourceMatcher.tokens(value)) {
                            filter.add(token.of(), token.text());
                            tokens++;
                        }
                    }
                    if (first != null && last != null) {
                        filter.add(PiiClass.FULL_NAME, first.strip() + " " + last.strip());
                    }
                }
            }
        }
        LOG.infof("clone %s fingerprints: table %s, %d values (%d tokens inside them) of %d columns, %d public tokens"
                + " of %d columns without a rule", cloneId, table.displayName(), values, tokens,
                reading.requested().size(), open, reading.open().size());
        return values;
    }

    private static String where(SourceTable table, RowFilters filters) {
        String condition = filters.forTable(table);
        return condition == null ? "" : " where (" + condition + ")";
    }
}
