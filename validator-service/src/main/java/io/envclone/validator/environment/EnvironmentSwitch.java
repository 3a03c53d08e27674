package io.envclone.validator.environment;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Makes a validated copy the environment, and goes back. The copy is kept as the pristine copy
 * resets start from, the environment it replaces is kept as the previous copy until its retention
 * ends, and {@code rollback} swaps the two. Each step is a rename, which PostgreSQL does at once;
 * between the two renames of a switch (milliseconds) the environment's name answers nothing, and
 * its sessions are ended, as an application reconnecting expects of a refresh.
 */
public final class EnvironmentSwitch {

    private static final Logger LOG = Logger.getLogger(EnvironmentSwitch.class);

    private final ServerDatabases server;

    public EnvironmentSwitch(ServerDatabases server) {
        this.server = server;
    }

    /** The finished copy becomes the environment; what it replaces is kept for {@code retention}. */
    public void switchOver(DatabaseNames names, Duration retention, Instant now) throws SQLException {
        EnvironmentMarker built = server.marker(names.build()).orElseThrow(() -> new EnvironmentException(
                EnvironmentException.Kind.CONFLICT, "environment " + names.live() + " has no finished copy to switch to:"
                        + " land a clone first"));
        server.dropIfExists(names.pristine());
        server.copy(names.build(), names.pristine(), built.as("pristine", null));
        if (server.exists(names.live())) {
            server.dropIfExists(names.previous());
            server.rename(names.live(), names.previous());
            EnvironmentMarker replaced = server.marker(names.previous()).orElse(built);
            server.mark(names.previous(), replaced.as("previous", now.plus(retention)));
        }
        server.rename(names.build(), names.live());
        server.mark(names.live(), built.as("live", null));
        LOG.infof("environment %s is now clone %s; the previous copy is kept until %s", names.live(), built.cloneId(),
                now.plus(retention));
    }

    /**
     * The previous copy becomes the environment again, and the environment it replaces becomes the
     * previous copy (so a rollback can itself be rolled back). The pristine copy is made again from
     * the restored environment: a reset after a rollback returns to it.
     */
    public void rollback(DatabaseNames names, Duration retention, Instant now) throws SQLException {
        EnvironmentMarker previous = server.marker(names.previous()).orElseThrow(() -> new EnvironmentException(
                EnvironmentException.Kind.CONFLICT, "environment " + names.live() + " has no previous copy to roll back"
                        + " to: its retention ended, or it was never refreshed"));
        EnvironmentMarker live = server.marker(names.live()).orElseThrow(() -> new EnvironmentException(
                EnvironmentException.Kind.NOT_FOUND, "environment " + names.live() + " does not exist"));
        server.dropIfExists(names.outgoing());
        server.rename(names.live(), names.outgoing());
        server.rename(names.previous(), names.live());
        server.mark(names.live(), previous.as("live", null));
        server.rename(names.outgoing(), names.previous());
        server.mark(names.previous(), live.as("previous", now.plus(retention)));
        server.dropIfExists(names.pristine());
        server.copy(names.live(), names.pristine(), previous.as("pristine", null));
        LOG.infof("environment %s rolled back to clone %s", names.live(), previous.cloneId());
    }

    /** Drops every previous copy on the server whose retention has ended; returns their names. */
    public List<String> expire(Instant now) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (ServerDatabases.Marked database : server.marked()) {
            EnvironmentMarker marker = database.marker();
            if ("previous".equals(marker.role()) && marker.keptUntil() != null && marker.keptUntil().isBefore(now)) {
                server.dropIfExists(database.database());
                dropped.add(database.database());
                LOG.infof("previous copy %s dropped: its retention ended at %s", database.database(), marker.keptUntil());
            }
        }
        return dropped;
    }

    /**
     * Removes an environment and every copy of it envclone made; a database envclone did not make
     * is never dropped, whatever its name.
     */
    public List<String> delete(DatabaseNames names) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (String database : List.of(names.live(), names.build(), names.previous(), names.pristine(), names.incoming(),
                names.outgoing())) {
            var marker = server.marker(database);
            if (marker.isPresent() && names.environment().equals(marker.get().environment())) {
                server.dropIfExists(database);
                dropped.add(database);
            }
        }
        return dropped;
    }
}
