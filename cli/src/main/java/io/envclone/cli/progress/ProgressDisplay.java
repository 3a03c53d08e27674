package io.envclone.cli.progress;

import io.envclone.api.crd.ClonePhase;
import io.envclone.cli.local.CloneDriver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The clone's progress as a person follows it: stage, table, rows, rows/s and ETA. On a terminal
 * one line rewritten in place; otherwise (CI logs, pipes) a plain line at each stage and every
 * {@link #PLAIN_EVERY} while rows move. Counts only: never a value of a row.
 */
public final class ProgressDisplay implements Consumer<CloneDriver.Progress> {

    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long estimatedRows;
    private final RateWindow rate = new RateWindow(Duration.ofSeconds(10));
    private ClonePhase phase;
    private long lastPrinted;
    private int lastWidth;

    public ProgressDisplay(PrintWriter out, boolean terminal, long estimatedRows, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.estimatedRows = estimatedRows;
        this.clock = nanoClock;
    }

    public static ProgressDisplay on(PrintWriter out, boolean terminal, long estimatedRows) {
        return new ProgressDisplay(out, terminal, estimatedRows, System::nanoTime);
    }

    @Override
    public void accept(CloneDriver.Progress progress) {
        if (progress.notice()) {
            // on a line of its own, whatever the pace of the others: it will not be said again
            if (terminal && lastWidth > 0) {
                out.println();
                lastWidth = 0;
            }
            out.println(String.format(Locale.ROOT, "[%-14s] %s", progress.phase().wireName(), progress.message()));
            out.flush();
            return;
        }
        long now = clock.getAsLong();
        long rows = progress.phase() == ClonePhase.FINISHING ? progress.rowsLanded() : progress.rowsCloned();
        rate.add(now, rows);
        boolean newPhase = progress.phase() != phase;
        if (newPhase && terminal && phase != null) {
            out.println();
            lastWidth = 0;
        }
        phase = progress.phase();
        String line = line(progress, rows);
        if (terminal) {
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            out.print("\r" + padded);
            lastWidth = line.length();
            if (progress.phase().isFinal()) {
                out.println();
            }
            out.flush();
        } else if (newPhase || now - lastPrinted >= PLAIN_EVERY.toNanos()) {
            out.println(line);
            out.flush();
            lastPrinted = now;
        }
    }

    String line(CloneDriver.Progress progress, long rows) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%-14s]", progress.phase().wireName()));
        long expected = progress.expectedRows() > 0 ? progress.expectedRows() : estimatedRows;
        if (progress.phase() == ClonePhase.CLONING || progress.phase() == ClonePhase.FINISHING) {
            line.append(String.format(Locale.ROOT, " %,d", rows));
            if (expected > 0) {
                line.append(String.format(Locale.ROOT, " / %s%,d rows (%d%%)", progress.expectedRows() > 0 ? "" : "~",
                        expected, Math.min(100, rows * 100 / expected)));
            } else {
                line.append(" rows");
            }
            double perSecond = rate.perSecond();
            if (perSecond > 0) {
                line.append(String.format(Locale.ROOT, ", %,.0f rows/s", perSecond));
                if (expected > rows) {
                    line.append(", ETA ").append(eta((long) ((expected - rows) / perSecond)));
                }
            }
            if (!progress.table().isEmpty()) {
                line.append(", ").append(progress.table());
            }
        }
        if (progress.message() != null && !progress.message().isEmpty()
                && progress.phase() != ClonePhase.CLONING) {
            line.append(" ").append(progress.message());
        }
        return line.toString();
    }

    static String eta(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + " s";
    }
}
