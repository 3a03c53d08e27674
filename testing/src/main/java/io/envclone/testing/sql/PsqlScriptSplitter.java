package io.envclone.testing.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a plain-format SQL script (what {@code pg_dump} writes) into statements, as psql does:
 * a semicolon ends a statement only outside quotes and comments, so {@code 'a;b'},
 * {@code E'it\'s;'}, {@code "odd;name"}, {@code $$ ...; ... $$}, {@code $body$ ... $body$},
 * {@code -- ;} and nested {@code /* ; *}{@code /} never split one. It reads one line at a time and
 * holds one statement at a time, so scripts of any size stream through.
 *
 * <p>After a {@code COPY ... FROM stdin} statement, {@link #copyData()} gives the following lines
 * up to the {@code \.} line. A backslash outside quotes, comments and COPY data is a psql
 * meta-command, which this class refuses with the line number. Strings follow
 * {@code standard_conforming_strings = on} (pg_dump sets it): only {@code E'...'} strings treat
 * backslash as an escape.
 */
public final class PsqlScriptSplitter {

    /** One statement, without its ending semicolon, and the 1-based line its first token is on. */
    public record Statement(String sql, int line) {

        private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)copy\\s.*\\sfrom\\s+stdin\\b.*");

        public boolean isCopyFromStdin() {
            return COPY_FROM_STDIN.matcher(sql).matches();
        }
    }

    private enum State { NORMAL, QUOTE, ESCAPE_QUOTE, IDENTIFIER, DOLLAR, BLOCK_COMMENT }

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([\\p{L}_][\\p{L}\\p{N}_]*)?\\$");

    private final BufferedReader reader;
    private final String source;
    private String line;
    private int pos;
    private int lineNumber;

    public PsqlScriptSplitter(Reader script, String source) {
        this.reader = script instanceof BufferedReader buffered ? buffered : new BufferedReader(script);
        this.source = source;
    }

    /** The number of the last line read (1-based). */
    public int lineNumber() {
        return lineNumber;
    }

    /** The next statement, or {@code null} at the end of the script. */
    public Statement next() throws IOException {
        StringBuilder sql = new StringBuilder();
        int start = -1;
        int startLine = 0;
        State state = State.NORMAL;
        String tag = null;
        int depth = 0;
        while (true) {
            if (line == null) {
                line = readLine();
                if (line == null) {
                    if (state != State.NORMAL) {
                        throw new PsqlScriptException(source, startLine > 0 ? startLine : lineNumber,
                                "the script ends inside " + describe(state, tag));
                    }
                    return start < 0 ? null : new Statement(sql.substring(start).strip(), startLine);
                }
                pos = 0;
            }
            while (pos < line.length()) {
                char c = line.charAt(pos);
                int next = pos + 1;
                switch (state) {
                    case NORMAL -> {
                        if (c == ';') {
                            pos = next;
                            if (start >= 0) {
                                return new Statement(sql.substring(start).strip(), startLine);
                            }
                            sql.setLength(0);
                            continue;
                        }
                        if (c == '\\') {
                            throw metaCommand();
                        }
                        if (c == '-' && line.startsWith("--", pos)) {
                            next = line.length();
                        } else if (c == '/' && line.startsWith("/*", pos)) {
                            state = State.BLOCK_COMMENT;
                            depth = 1;
                            next = pos + 2;
                        } else if (!Character.isWhitespace(c)) {
                            if (start < 0) {
                                start = sql.length();
                                startLine = lineNumber;
                            }
                            if (c == '\'') {
                                state = escapeStringPrefix() ? State.ESCAPE_QUOTE : State.QUOTE;
                            } else if (c == '"') {
                                state = State.IDENTIFIER;
                            } else if (c == '$' && !identifierBefore()) {
                                Matcher opening = DOLLAR_TAG.matcher(line).region(pos, line.length());
                                if (opening.lookingAt()) {
                                    state = State.DOLLAR;
                                    tag = opening.group();
                                    next = opening.end();
                                }
                            }
                        }
                    }
                    case QUOTE, IDENTIFIER -> {
                        char quote = state == State.QUOTE ? '\'' : '"';
                        if (c == quote) {
                            if (next < line.length() && line.charAt(next) == quote) {
                                next++;
                            } else {
                                state = State.NORMAL;
                            }
                        }
                    }
                    case ESCAPE_QUOTE -> {
                        if (c == '\\') {
                            next = Math.min(next + 1, line.length());
                        } else if (c == '\'') {
                            if (next < line.length() && line.charAt(next) == '\'') {
                                next++;
                            } else {
                                state = State.NORMAL;
                            }
                        }
                    }
                    case DOLLAR -> {
                        int end = line.indexOf(tag, pos);
                        if (end < 0) {
                            next = line.length();
                        } else {
                            next = end + tag.length();
                            state = State.NORMAL;
                        }
                    }
                    case BLOCK_COMMENT -> {
                        if (line.startsWith("/*", pos)) {
                            depth++;
                            next = pos + 2;
                        } else if (line.startsWith("*/", pos)) {
                            depth--;
                            next = pos + 2;
                            if (depth == 0) {
                                state = State.NORMAL;
                            }
                        }
                    }
                }
                sql.append(line, pos, next);
                pos = next;
            }
            sql.append('\n');
            line = null;
        }
    }

    /**
     * The COPY data after the statement just returned: the lines up to the {@code \.} line, each
     * ended by a newline. Read it to its end before asking for the next statement.
     */
    public Reader copyData() {
        if (line != null && !line.substring(pos).isBlank()) {
            throw new PsqlScriptException(source, lineNumber,
                    "text after COPY ... FROM stdin on the same line; COPY data must start on the next line");
        }
        line = null;
        return new CopyDataReader(this, source, lineNumber + 1);
    }

    /** The next raw line, counted, or {@code null} at the end; for {@link CopyDataReader}. */
    String readLine() throws IOException {
        String raw = reader.readLine();
        if (raw != null) {
            lineNumber++;
        }
        return raw;
    }

    private boolean escapeStringPrefix() {
        if (pos == 0 || Character.toUpperCase(line.charAt(pos - 1)) != 'E') {
            return false;
        }
        return pos == 1 || !isIdentifierPart(line.charAt(pos - 2));
    }

    private boolean identifierBefore() {
        return pos > 0 && isIdentifierPart(line.charAt(pos - 1));
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private PsqlScriptException metaCommand() {
        String rest = line.substring(pos);
        String command = rest.split("\\s", 2)[0];
        if (command.equals("\\.")) {
            return new PsqlScriptException(source, lineNumber, "\\. outside COPY ... FROM stdin data");
        }
        return new PsqlScriptException(source, lineNumber, "psql meta-command " + command
                + " is not supported: only SQL statements and COPY ... FROM stdin data are");
    }

    private static String describe(State state, String tag) {
        return switch (state) {
            case QUOTE, ESCAPE_QUOTE -> "a quoted string";
            case IDENTIFIER -> "a quoted identifier";
            case DOLLAR -> "a dollar-quoted string " + tag;
            case BLOCK_COMMENT -> "a /* comment */";
            case NORMAL -> "a statement";
        };
    }
}
