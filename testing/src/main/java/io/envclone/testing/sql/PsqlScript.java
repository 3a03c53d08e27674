package io.envclone.testing.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Runs a plain-format SQL dump over a JDBC connection the way {@code psql -v ON_ERROR_STOP=1 -f}
 * runs what {@code pg_dump} writes: each statement in turn, {@code COPY ... FROM stdin} fed the
 * lines after it up to {@code \.} through the driver's COPY API, and a stop at the first error.
 *
 * <p>Statements run as the connection is set (in autocommit mode each commits on its own, as
 * with psql). The session keeps the settings the script changes, such as pg_dump's empty
 * {@code search_path}. Scripts are read as UTF-8; pgjdbc only talks UTF-8, as pg_dump's
 * {@code SET client_encoding = 'UTF8'} asks.
 */
public final class PsqlScript {

    /** What a script did: statements run (COPY included), COPY statements, rows they loaded. */
    public record Result(int statements, int copies, long copiedRows, Duration elapsed) {
    }

    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");

    private PsqlScript() {
    }

    /** Runs the script in {@code file}; the errors name the file and the failing statement's line. */
    public static Result run(Connection connection, Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return run(connection, reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Runs the script read from {@code script}; {@code source} names it in errors. */
    public static Result run(Connection connection, Reader script, String source) throws IOException {
        long started = System.nanoTime();
        PsqlScriptSplitter splitter = new PsqlScriptSplitter(script, source);
        int statements = 0;
        int copies = 0;
        long copiedRows = 0;
        CopyManager copyManager = null;
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (PsqlScriptSplitter.Statement next = splitter.next(); next != null; next = splitter.next()) {
                statements++;
                if (!next.isCopyFromStdin()) {
                    execute(statement, next, source);
                    continue;
                }
                if (copyManager == null) {
                    copyManager = unwrap(connection, next, source).getCopyAPI();
                }
                int dataLine = splitter.lineNumber() + 1;
                try {
                    copiedRows += copyManager.copyIn(next.sql(), splitter.copyData());
                    copies++;
                } catch (SQLException e) {
                    throw failure(source, next, e, copyDataLine(e, dataLine));
                }
            }
        } catch (SQLException e) {
            throw new PsqlScriptException(source, splitter.lineNumber(), "cannot create a statement: " + e.getMessage(), e);
        }
        return new Result(statements, copies, copiedRows, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void execute(Statement statement, PsqlScriptSplitter.Statement next, String source) {
        try {
            statement.execute(next.sql());
        } catch (SQLException e) {
            throw failure(source, next, e, "");
        }
    }

    private static PGConnection unwrap(Connection connection, PsqlScriptSplitter.Statement copy, String source) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw failure(source, copy, e, " (COPY ... FROM stdin needs a pgjdbc connection)");
        }
    }

    /** " (COPY data at line N)" when the server names the COPY input line that failed. */
    private static String copyDataLine(SQLException e, int firstDataLine) {
        Matcher where = COPY_LINE.matcher(String.valueOf(e.getMessage()));
        return where.find() ? " (COPY data at line " + (firstDataLine + Integer.parseInt(where.group(1)) - 1) + ")" : "";
    }

    private static PsqlScriptException failure(String source, PsqlScriptSplitter.Statement statement, SQLException e,
            String detail) {
        String text = statement.sql();
        int end = text.indexOf('\n');
        String excerpt = end < 0 && text.length() <= 100 ? text : text.substring(0, Math.min(end < 0 ? 100 : end, 100)) + " ...";
        return new PsqlScriptException(source, statement.line(),
                "statement failed" + detail + ": " + e.getMessage() + "\n  statement: " + excerpt, e);
    }
}
