package io.envclone.validator.check;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the environment spec's own checks ({@link UserCheck}), each in a read-only transaction of
 * its own that is rolled back, as its role when it names one. A failure gives the check's name,
 * what was expected and what came back; what came back is shown only when it is a row count, an
 * integer or a boolean (a count, a flag), never another value, which could be a row's.
 */
public final class UserChecks {

    private UserChecks() {
    }

    /** Every check well formed, or an {@link IllegalArgumentException} naming the first bad field and its fix. */
    public static void validate(List<UserCheck> checks) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            UserCheck check = checks.get(i);
            String field = "validation.checks[" + i + "].";
            if (check.name() == null || check.name().isBlank()) {
                throw new IllegalArgumentException(field + "name: is missing: name the check, as in"
                        + " \"every reservation has a loft\"");
            }
            if (!names.add(check.name())) {
                throw new IllegalArgumentException(field + "name: '" + check.name() + "' names two checks: give each"
                        + " its own name");
            }
            if (check.sql() == null || check.sql().isBlank()) {
                throw new IllegalArgumentException(field + "sql: is missing: give the query whose result is checked");
            }
            if (check.role() != null && check.role().isBlank()) {
                throw new IllegalArgumentException(field + "role: is blank: name a role, or leave it out to run as"
                        + " the validator");
            }
            try {
                UserExpectation.parse(check.expect());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "expect: " + e.getMessage(), e);
            }
        }
    }

    /** Validates all first, so a malformed check stops them before any runs. */
    public static List<CheckResult> run(Connection target, List<UserCheck> checks) throws SQLException {
        validate(checks);
        List<CheckResult> results = new ArrayList<>();
        for (UserCheck check : checks) {
            UserExpectation expectation = UserExpectation.parse(check.expect());
            try {
                results.add(RolledBack.run(target, true, connection -> run(connection, check, expectation)));
            } catch (SQLException e) {
                results.add(new CheckResult(check.name(), false, "expected " + expectation.show() + ", the query failed: "
                        + SqlErrors.describe(e)));
            }
        }
        return results;
    }

    private static CheckResult run(Connection target, UserCheck check, UserExpectation expectation) throws SQLException {
        try (Statement sql = target.createStatement()) {
            if (check.role() != null) {
                sql.execute("set local role " + quoted(check.role()));
            }
            try (ResultSet rows = sql.executeQuery(check.sql())) {
                String expected = "expected " + expectation.show() + (check.role() == null ? "" : " as " + check.role());
                if (expectation.rows()) {
                    long count = 0;
                    while (rows.next()) {
                        count++;
                    }
                    return new CheckResult(check.name(), expectation.holds(BigDecimal.valueOf(count)),
                            expected + ", got " + count + " rows");
                }
                return single(check.name(), expected, expectation, rows);
            }
        }
    }

    private static CheckResult single(String name, String expected, UserExpectation expectation, ResultSet rows)
            throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        if (meta.getColumnCount() != 1) {
            return new CheckResult(name, false, expected + ": one value, the query returns " + meta.getColumnCount()
                    + " columns");
        }
        if (!rows.next()) {
            return new CheckResult(name, false, expected + ", the query returned no row");
        }
        Object value = rows.getObject(1);
        if (rows.next()) {
            return new CheckResult(name, false, expected + ": one value, the query returns more than one row");
        }
        int type = meta.getColumnType(1);
        boolean shown = type == Types.BOOLEAN || type == Types.BIT || type == Types.BIGINT || type == Types.INTEGER
                || type == Types.SMALLINT;
        String got = value == null ? "null" : shown ? String.valueOf(value) : "a " + meta.getColumnTypeName(1)
                + " value (not shown)";
        boolean holds;
        if (value == null) {
            holds = false;
        } else if (expectation.bool() != null) {
            holds = value instanceof Boolean b && b.equals(expectation.bool());
        } else if (expectation.text() != null) {
            holds = expectation.text().equals(String.valueOf(value));
        } else {
            holds = value instanceof Number number && numeric(number) && expectation.holds(new BigDecimal(number.toString()));
        }
        return new CheckResult(name, holds, expected + ", got " + got);
    }

    /** Not NaN or an infinity, which a float column can hold and no number of the grammar equals. */
    private static boolean numeric(Number number) {
        return !(number instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(number instanceof Float f && (f.isNaN() || f.isInfinite()));
    }
}
