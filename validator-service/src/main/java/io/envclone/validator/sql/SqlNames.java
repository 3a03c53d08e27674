package io.envclone.validator.sql;

/** Names in the SQL the validator writes: always quoted, so a mixed-case or reserved name is itself. */
public final class SqlNames {

    private SqlNames() {
    }

    public static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
