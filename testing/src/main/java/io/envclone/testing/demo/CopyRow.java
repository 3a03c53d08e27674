package io.envclone.testing.demo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Builds COPY text-format lines and streams them to the server in 64 KiB chunks, so a table is
 * never held in memory. Values are escaped as COPY text requires: backslash, tab, newline and
 * carriage return get a backslash escape, and null is {@code \N}.
 */
final class CopyRow {

    private static final int FLUSH_AT = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstColumn = true;
    private long rows;

    CopyRow(CopyIn copy) {
        this.copy = copy;
    }

    CopyRow add(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
        } else {
            escape(value, buffer);
        }
        return this;
    }

    CopyRow add(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyRow add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    CopyRow add(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    CopyRow addNull() {
        separate();
        buffer.append("\\N");
        return this;
    }

    CopyRow addMoney(long cents) {
        separate();
        buffer.append(Money.text(cents));
        return this;
    }

    CopyRow addTimestamp(long epochSecond) {
        separate();
        DemoClock.appendTimestamp(buffer, epochSecond);
        return this;
    }

    CopyRow addTimestamp(Long epochSecond) {
        return epochSecond == null ? addNull() : addTimestamp(epochSecond.longValue());
    }

    CopyRow addDate(int epochDay) {
        separate();
        DemoClock.appendDate(buffer, epochDay);
        return this;
    }

    CopyRow addJson(Json value) {
        return add(value == null ? null : value.toString());
    }

    /** Ends the row; sends the buffer once it is large enough. */
    void end() throws SQLException {
        buffer.append('\n');
        firstColumn = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** Appends {@code value} escaped for COPY text format. */
    static void escape(CharSequence value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private void separate() {
        if (!firstColumn) {
            buffer.append('\t');
        }
        firstColumn = false;
    }
}
