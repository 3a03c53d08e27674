package io.envclone.testing.sql;

import io.envclone.api.source.SequenceValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every sequence of a database as the cloner reports them, {@code schema.name} to its state, read
 * from each sequence itself ({@code pg_sequences} shows null for one set with {@code setval(..., false)}).
 */
public final class SequenceValues {

    private SequenceValues() {
    }

    public static Map<String, SequenceValue> read(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                "select schemaname || '.' || sequencename from pg_sequences")) {
            while (row.next()) {
                names.add(row.getString(1));
            }
        }
        Map<String, SequenceValue> values = new TreeMap<>();
        for (String name : names) {
            try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                    "select last_value, is_called from " + name)) {
                row.next();
                values.put(name, new SequenceValue(row.getLong(1), row.getBoolean(2)));
            }
        }
        return values;
    }
}
