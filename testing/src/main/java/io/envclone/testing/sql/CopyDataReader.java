package io.envclone.testing.sql;

import java.io.IOException;
import java.io.Reader;

/**
 * The COPY data after a {@code COPY ... FROM stdin} statement: the script's lines up to the
 * {@code \.} line, each ended by a newline. Holds one line at a time.
 */
final class CopyDataReader extends Reader {

    private final PsqlScriptSplitter script;
    private final String source;
    private final int firstLine;
    private String current = "";
    private int at;
    private boolean done;

    CopyDataReader(PsqlScriptSplitter script, String source, int firstLine) {
        this.script = script;
        this.source = source;
        this.firstLine = firstLine;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!done && at >= current.length()) {
            String data = script.readLine();
            if (data == null) {
                throw new PsqlScriptException(source, firstLine - 1,
                        "the COPY data starting at line " + firstLine + " has no ending \\. line");
            }
            done = data.equals("\\.");
            current = done ? "" : data + "\n";
            at = 0;
        }
        if (done) {
            return -1;
        }
        int count = Math.min(length, current.length() - at);
        if (count < current.length() - at && count > 1 && Character.isHighSurrogate(current.charAt(at + count - 1))) {
            count--; // the driver encodes each chunk on its own: never split a surrogate pair
        }
        current.getChars(at, at + count, buffer, offset);
        at += count;
        return count;
    }

    @Override
    public void close() {
        // the script's reader is closed by whoever opened it
    }
}
