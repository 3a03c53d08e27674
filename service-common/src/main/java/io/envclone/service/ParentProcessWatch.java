package io.envclone.service;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Local mode starts the services as child processes of the {@code envclone} command. When that
 * command is killed (kill -9, a CI job cancelled) nothing stops its children, so a service told
 * its parent's pid ({@code ENVCLONE_EXIT_WITH_PARENT}) shuts down cleanly once that process is
 * gone instead of running on as an orphan. In a cluster the variable is not set and this does nothing.
 */
@ApplicationScoped
public class ParentProcessWatch {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "envclone.exit-with-parent") Optional<Long> parent) {
        if (parent.isEmpty()) {
            return;
        }
        long pid = parent.get();
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parent-process-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(() -> {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            LOG.warnf("the envclone command (pid %d) that started this service is gone: shutting down", pid);
            watch.shutdown();
            Quarkus.asyncExit(0);
        }, 1, 1, TimeUnit.SECONDS);
    }
}
