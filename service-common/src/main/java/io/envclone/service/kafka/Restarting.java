package io.envclone.service.kafka;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A stream loop's life: its clients run until it is closed, and any failure of theirs (a broker out
 * of reach, a target gone) starts them again a second later from what was committed; a failure
 * {@code final} accepts ends it, as does an {@link Error}.
 */
public final class Restarting {

    private static final long PAUSE_MS = 1_000;

    private Restarting() {
    }

    public static void run(String loop, BooleanSupplier closed, Runnable clients, Predicate<RuntimeException> isFinal) {
        Logger log = Logger.getLogger(Restarting.class);
        while (!closed.getAsBoolean()) {
            try {
                clients.run();
            } catch (RuntimeException e) {
                if (closed.getAsBoolean()) {
                    return;
                }
                if (isFinal.test(e)) {
                    log.warnf("%s stopped: %s", loop, e.getMessage());
                    return;
                }
                log.warnf("%s starts its clients again after: %s", loop, e.getMessage());
                try {
                    Thread.sleep(PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
