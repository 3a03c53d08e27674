package io.envclone.testing.sql;

/** A script could not be run: names the script, the line and what went wrong. */
public class PsqlScriptException extends RuntimeException {

    private final String source;
    private final int line;

    public PsqlScriptException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    public PsqlScriptException(String source, int line, String problem, Throwable cause) {
        super(source + ":" + line + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    /** The script's file name or description. */
    public String source() {
        return source;
    }

    /** The 1-based line of the statement (or line) that failed. */
    public int line() {
        return line;
    }
}
