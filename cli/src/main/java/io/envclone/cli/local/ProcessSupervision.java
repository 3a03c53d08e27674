package io.envclone.cli.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The services this command started, watched: one that died (a crash, an OOM kill, {@code kill -9})
 * is started again on its port with its settings, at most {@link #MAX_RESTARTS} times each; the
 * orchestration then gives it the clone again. One that does not come back within
 * {@link #RESTART_WITHIN} stops the clone, naming it.
 */
public final class ProcessSupervision implements Supervision {

    static final int MAX_RESTARTS = 3;
    static final Duration RESTART_WITHIN = Duration.ofSeconds(30);

    private final LocalServices services;
    private final java.util.Map<String, Integer> restarts = new java.util.HashMap<>();

    public ProcessSupervision(LocalServices services) {
        this.services = services;
    }

    @Override
    public List<String> check() throws InterruptedException {
        List<String> done = new ArrayList<>();
        for (ServiceProcess service : services.running()) {
            if (service.alive()) {
                continue;
            }
            String died = "the " + service.name() + " died (exit " + service.exitValue() + ")";
            int restart = restarts.merge(service.name(), 1, Integer::sum);
            if (restart > MAX_RESTARTS) {
                throw new CloneStopped(died + ", for the " + restart + "th time: it was not started again; see "
                        + service.log() + ", then run the same command again to resume the clone");
            }
            try {
                services.restart(service, RESTART_WITHIN);
            } catch (java.io.IOException | RuntimeException e) {
                throw new CloneStopped(died + " and did not start again within " + RESTART_WITHIN.toSeconds() + " s ("
                        + e.getMessage() + "): see " + service.log() + ", then run the same command again to resume the"
                        + " clone");
            }
            done.add(died + ": started again (" + restart + " of " + MAX_RESTARTS + "), the clone goes on");
        }
        return done;
    }
}
