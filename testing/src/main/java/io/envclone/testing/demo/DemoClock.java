package io.envclone.testing.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The demo company's calendar. Every moment is computed from fixed dates, never from the
 * current time, so the data does not change from one day to the next. Times are written with
 * an explicit +01 offset (Algeria keeps UTC+1 all year), so COPY reads the same instants
 * whatever the session's TimeZone.
 */
final class DemoClock {

    static final ZoneOffset ALGIERS = ZoneOffset.ofHours(1);
    /** The company opened its first lofts. */
    static final long START = epochSecond(2019, 1, 15);
    /** "Today" for the data: stays after it are in the future. */
    static final long NOW = epochSecond(2026, 1, 1);
    /** The audit trigger went live: the audit log holds history from then on only. */
    static final long AUDIT_START = epochSecond(2025, 7, 1);
    static final long DAY = 86_400;
    static final long HOUR = 3_600;

    private static final long SPAN = NOW - START;

    private DemoClock() {
    }

    static long epochSecond(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().toEpochSecond(ALGIERS);
    }

    /**
     * When the {@code index}-th (1-based) of {@code count} rows was created. Business grew, so
     * rows get denser over time (the cumulative count grows with the square of time); the
     * jitter in [0, 1) spreads rows while keeping later ids later.
     */
    static long timeline(long index, long count, double jitter) {
        double fraction = (index - 1 + jitter) / count;
        return START + (long) (SPAN * Math.sqrt(fraction)); // sqrt is exact (IEEE 754) on every JVM
    }

    /** How many of {@code count} rows laid out by {@link #timeline} existed at {@code moment}. */
    static long existingAt(long moment, long count) {
        double fraction = Math.min(1, Math.max(0, (double) (moment - START) / SPAN));
        return (long) Math.floor(fraction * fraction * count);
    }

    /** The local (Algiers) day of an instant, as days since 1970-01-01. */
    static int day(long epochSecond) {
        return (int) Math.floorDiv(epochSecond + HOUR, DAY);
    }

    /** Local midnight of a day. */
    static long startOfDay(int day) {
        return day * DAY - HOUR;
    }

    /** {@code 2025-03-04 12:34:56+01}: timestamptz text for COPY. */
    static void appendTimestamp(StringBuilder out, long epochSecond) {
        appendLocal(out, epochSecond, ' ');
        out.append("+01");
    }

    /** {@code 2025-03-04T12:34:56+01:00}: as PostgreSQL's to_jsonb writes a timestamptz. */
    static void appendIsoTimestamp(StringBuilder out, long epochSecond) {
        appendLocal(out, epochSecond, 'T');
        out.append("+01:00");
    }

    static void appendDate(StringBuilder out, int day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2);
    }

    static String date(int day) {
        StringBuilder out = new StringBuilder(10);
        appendDate(out, day);
        return out.toString();
    }

    static String isoTimestamp(long epochSecond) {
        StringBuilder out = new StringBuilder(25);
        appendIsoTimestamp(out, epochSecond);
        return out.toString();
    }

    /** {@code 04/03/2025}: how people write dates in messages. */
    static String frenchDate(int day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        StringBuilder out = new StringBuilder(10);
        pad(out, date.getDayOfMonth(), 2).append('/');
        pad(out, date.getMonthValue(), 2).append('/');
        return pad(out, date.getYear(), 4).toString();
    }

    private static void appendLocal(StringBuilder out, long epochSecond, char separator) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ALGIERS);
        pad(out, time.getYear(), 4).append('-');
        pad(out, time.getMonthValue(), 2).append('-');
        pad(out, time.getDayOfMonth(), 2).append(separator);
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
