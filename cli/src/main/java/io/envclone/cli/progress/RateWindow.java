package io.envclone.cli.progress;

import java.time.Duration;
import java.util.ArrayDeque;

/** Rows per second over the last few seconds, so the ETA follows the current pace, not the average since the start. */
final class RateWindow {

    private record Point(long nanos, long rows) {
    }

    private static final long MIN_SPAN = Duration.ofSeconds(2).toNanos();

    private final long window;
    private final ArrayDeque<Point> points = new ArrayDeque<>();

    RateWindow(Duration window) {
        this.window = window.toNanos();
    }

    void add(long nanos, long rows) {
        if (!points.isEmpty() && rows < points.peekLast().rows()) {
            points.clear(); // a new count (landing after cloning) starts its own pace
        }
        points.addLast(new Point(nanos, rows));
        while (points.size() > 2 && nanos - points.peekFirst().nanos() > window) {
            points.removeFirst();
        }
    }

    double perSecond() {
        if (points.size() < 2) {
            return 0;
        }
        Point first = points.peekFirst();
        Point last = points.peekLast();
        long nanos = last.nanos() - first.nanos();
        // a pace measured over less than this says nothing (11 rows in the first moments: "ETA 22h45m")
        return nanos < MIN_SPAN ? 0 : (last.rows() - first.rows()) * 1e9 / nanos;
    }
}
