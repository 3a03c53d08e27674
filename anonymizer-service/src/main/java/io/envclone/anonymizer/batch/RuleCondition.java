package io.envclone.anonymizer.batch;

import java.util.function.Function;

/**
 * A rule's {@code when}: the rule applies to a row only if another of its columns holds a value
 * ({@code deleted_at}), a given one ({@code role = guest}) or not that one ({@code role != staff}),
 * compared with the column's original text. Otherwise the column is left as it is.
 */
record RuleCondition(String column, String operator, String value) {

    static RuleCondition parse(String when) {
        if (when == null || when.isBlank()) {
            return null;
        }
        String text = when.strip();
        int not = text.indexOf("!=");
        int equals = text.indexOf('=');
        RuleCondition condition;
        if (not > 0) {
            condition = new RuleCondition(text.substring(0, not).strip(), "!=", unquoted(text.substring(not + 2)));
        } else if (equals > 0) {
            condition = new RuleCondition(text.substring(0, equals).strip(), "=", unquoted(text.substring(equals + 1)));
        } else if (equals < 0 && not < 0 && text.matches("[^\\s=!]+")) {
            condition = new RuleCondition(text, "set", null);
        } else {
            throw new IllegalArgumentException("option when is '" + when + "': write column (it has a value),"
                    + " column = value or column != value");
        }
        if (condition.column().isEmpty() || condition.column().contains(" ")) {
            throw new IllegalArgumentException("option when is '" + when + "': name one column before the operator");
        }
        return condition;
    }

    private static String unquoted(String value) {
        String text = value.strip();
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1) : text;
    }

    boolean holds(Function<String, String> original) {
        String actual = original.apply(column);
        return switch (operator) {
            case "set" -> actual != null;
            case "=" -> value.equals(actual);
            default -> !value.equals(actual);
        };
    }
}
