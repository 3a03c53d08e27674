package io.envclone.validator.environment;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named training scenario: SQL with parameters written {@code :'name'} (as psql writes a
 * quoted variable), each replaced by its value as a quoted literal, so a value can never become
 * SQL. For example "a guest with three overlapping reservations" for guest {@code :'email'}.
 */
public record Scenario(String name, String sql, Map<String, String> parameters) {

    private static final Pattern PARAMETER = Pattern.compile(":'([A-Za-z_][A-Za-z0-9_]*)'");

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is missing: give the scenario a name (it is recorded on the environment)");
        }
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("sql is missing: give the statements the scenario runs");
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The SQL with every parameter replaced; a parameter without a value is named with the fix. */
    public String rendered() {
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String value = parameters.get(parameter.group(1));
            if (value == null) {
                throw new IllegalArgumentException("parameters." + parameter.group(1) + " is missing: scenario " + name
                        + " uses :'" + parameter.group(1) + "'; give it a value");
            }
            parameter.appendReplacement(out, Matcher.quoteReplacement("'" + value.replace("'", "''") + "'"));
        }
        parameter.appendTail(out);
        return out.toString();
    }
}
