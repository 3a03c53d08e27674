package io.envclone.validator.check;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link UserCheck#expect()} read: what is compared (one value or the row count), how, and with what. */
record UserExpectation(boolean rows, String operator, BigDecimal number, Boolean bool, String text) {

    static final String GRAMMAR = "write a value (0, true, false, 'text'), a comparison on one number (> 0, <= 10,"
            + " != 0) or a row count (rows: 0, rows: > 0)";
    private static final Pattern ROWS = Pattern.compile("(?i)rows\\s*:\\s*(.*)");
    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|!=|<>|=|>|<)?\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern TEXT = Pattern.compile("'((?:[^']|'')*)'");

    /** Throws {@link IllegalArgumentException} with a message that says the fix (its caller names the field). */
    static UserExpectation parse(String expect) {
        String text = expect == null ? "" : expect.strip();
        Matcher rows = ROWS.matcher(text);
        if (rows.matches()) {
            Matcher count = COMPARISON.matcher(rows.group(1).strip());
            if (!count.matches() || count.group(2).contains(".") || count.group(2).startsWith("-")) {
                throw new IllegalArgumentException("'" + text + "': a row count is a whole number, as in rows: 0 or"
                        + " rows: > 0");
            }
            return new UserExpectation(true, operator(count.group(1)), new BigDecimal(count.group(2)), null, null);
        }
        Matcher comparison = COMPARISON.matcher(text);
        if (comparison.matches()) {
            return new UserExpectation(false, operator(comparison.group(1)), new BigDecimal(comparison.group(2)), null,
                    null);
        }
        String word = text.toLowerCase(Locale.ROOT);
        if (word.equals("true") || word.equals("false")) {
            return new UserExpectation(false, "=", null, Boolean.valueOf(word), null);
        }
        Matcher quoted = TEXT.matcher(text);
        if (quoted.matches()) {
            return new UserExpectation(false, "=", null, null, quoted.group(1).replace("''", "'"));
        }
        throw new IllegalArgumentException(text.isEmpty() ? "is missing: " + GRAMMAR
                : "'" + text + "' is not an expectation: " + GRAMMAR);
    }

    boolean holds(BigDecimal actual) {
        int order = actual.compareTo(number);
        return switch (operator) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            case "<" -> order < 0;
            default -> order <= 0;
        };
    }

    /** As the spec would write it, for a result's detail. */
    String show() {
        String value = bool != null ? bool.toString() : text != null ? "'" + text.replace("'", "''") + "'"
                : (operator.equals("=") ? "" : operator + " ") + number.toPlainString();
        return rows ? "rows: " + value : value;
    }

    private static String operator(String written) {
        return written == null ? "=" : written.equals("<>") ? "!=" : written;
    }
}
