package io.envclone.api.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CREATE TABLE statement taken apart: what comes before the column list, each column's
 * definition by name (in order), and what follows. Lets a comparison ignore column order
 * (a column added by a sync comes last) and a sync add or drop single columns.
 */
public record TableDefinition(String head, Map<String, String> columns, String tail) {

    private static final String OPEN = " (\n    ";
    private static final String SEPARATOR = ",\n    ";
    private static final String CLOSE = "\n)";

    public static TableDefinition parse(String createSql) {
        int open = createSql.indexOf(OPEN);
        int close = createSql.indexOf(CLOSE, open < 0 ? 0 : open);
        if (open < 0 || close < 0) {
            return new TableDefinition(createSql, Map.of(), ""); // a partition: no column list of its own
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : List.of(createSql.substring(open + OPEN.length(), close).split(SEPARATOR))) {
            columns.put(name(column), column);
        }
        return new TableDefinition(createSql.substring(0, open), columns, createSql.substring(close + CLOSE.length()));
    }

    /** The column name as written: a quoted identifier whole, else up to the first space. */
    static String name(String column) {
        if (column.startsWith("\"")) {
            int end = 1;
            while (end < column.length()) {
                if (column.charAt(end) == '"' && (end + 1 >= column.length() || column.charAt(end + 1) != '"')) {
                    return column.substring(0, end + 1);
                }
                end += column.charAt(end) == '"' ? 2 : 1;
            }
            return column;
        }
        int space = column.indexOf(' ');
        return space < 0 ? column : column.substring(0, space);
    }

    /** The same table whatever the order of its columns. */
    public String normalized() {
        return head + new TreeMap<>(columns).values() + tail;
    }

    /** The table's name as the statement writes it ({@code public.users}). */
    public String qualifiedName() {
        String[] words = head.split(" ");
        return words[words.length - 1];
    }
}
