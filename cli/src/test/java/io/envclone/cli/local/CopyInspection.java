package io.envclone.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.testing.postgres.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the end-to-end tests check of a copy with their own eyes, not the validator's: the rows of
 * every table, the source's personal values searched for in every text and JSON column, and the
 * foreign keys the copy holds valid.
 */
public final class CopyInspection {

    /** The demo source's personal values: emails, phones, IBANs, national ids. */
    public static final String DEMO_PERSONAL = """
            select email::text from public.users union all select phone from public.users
            union all select iban from public.users union all select national_id::text from public.users
            union all select guest_email::text from public.reservations""";

    private CopyInspection() {
    }

    /** Foreign keys of {@code database}, each one validated by PostgreSQL (none NOT VALID). */
    public static List<String> validForeignKeys(EmbeddedPostgresServer server, String database) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement();
                ResultSet key = sql.executeQuery("select conrelid::regclass || '.' || conname, convalidated"
                        + " from pg_constraint where contype = 'f' order by 1")) {
            while (key.next()) {
                assertThat(key.getBoolean(2)).as("foreign key %s is validated", key.getString(1)).isTrue();
                keys.add(key.getString(1));
            }
        }
        return keys;
    }

    public static Map<String, Long> counts(EmbeddedPostgresServer server, String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection connection = server.connect(database); Statement sql = connection.createStatement()) {
            try (ResultSet table = sql.executeQuery("select schemaname || '.' || tablename from pg_tables"
                    + " where schemaname not in ('pg_catalog', 'information_schema')")) {
                while (table.next()) {
                    tables.add(table.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = sql.executeQuery("select count(*) from only " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Every text and JSON column of the copy searched for the source's values ({@code query} gives
     * them): each value of the copy whole, each email, phone, id number and IBAN in it, and each
     * pair of words in it (a full name inside a text); how many values hold one, by column.
     */
    public static Map<String, Integer> leaks(EmbeddedPostgresServer server, String source, String copy, String query) throws SQLException {
        java.util.Set<String> values = new java.util.HashSet<>();
        try (Connection connection = server.connect(source); Statement sql = connection.createStatement();
                ResultSet value = sql.executeQuery(query)) {
            while (value.next()) {
                if (value.getString(1) != null && value.getString(1).length() >= 6) {
                    values.add(value.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(values).as("source values to look for").hasSizeGreaterThan(50);
        Map<String, Integer> found = new TreeMap<>();
        try (Connection connection = server.connect(copy)) {
            List<String[]> columns = new ArrayList<>();
            try (Statement sql = connection.createStatement(); ResultSet column = sql.executeQuery("""
                    select table_schema, table_name, column_name from information_schema.columns
                    where table_schema not in ('pg_catalog', 'information_schema')
                      and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'USER-DEFINED')""")) {
                while (column.next()) {
                    columns.add(new String[] {column.getString(1), column.getString(2), column.getString(3)});
                }
            }
            for (String[] column : columns) {
                int hits = 0;
                try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("select \""
                        + column[2] + "\"::text from \"" + column[0] + "\".\"" + column[1] + "\"")) {
                    while (row.next()) {
                        if (row.getString(1) != null && holdsOne(row.getString(1), values)) {
                            hits++;
                        }
                    }
                }
                if (hits > 0) {
                    found.put(column[0] + "." + column[1] + "." + column[2], hits);
                }
            }
        }
        return found;
    }

    private static boolean holdsOne(String original, java.util.Set<String> values) {
        String text = original.toLowerCase(java.util.Locale.ROOT);
        if (values.contains(text)) {
            return true;
        }
        java.util.regex.Matcher token = io.envclone.api.fingerprint.TextPatterns.LEAK_TOKENS.matcher(original);
        while (token.find()) {
            if (values.contains(token.group().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        String[] words = text.split("[^\\p{L}\\p{N}@.+'-]+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (values.contains(words[i] + " " + words[i + 1])) {
                return true;
            }
        }
        return false;
    }
}
