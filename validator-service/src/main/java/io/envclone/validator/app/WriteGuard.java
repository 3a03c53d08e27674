package io.envclone.validator.app;

import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.source.ServerFingerprint;
import io.envclone.api.environment.DatabaseContents;
import io.envclone.validator.api.RefusedException;
import io.envclone.validator.api.Target;
import io.envclone.validator.audit.WriteAudit;
import io.envclone.validator.environment.ServerDatabases;
import io.envclone.validator.safety.TargetIdentity;
import io.envclone.validator.safety.TargetRequest;
import io.envclone.validator.safety.TargetSafety;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Every write to a target passes here first: the target's server is identified over its
 * maintenance database, judged by {@link TargetSafety} as the environment's database, the decision
 * audited, and a refusal thrown. An allowed write gets the maintenance connection to work with.
 */
@ApplicationScoped
public class WriteGuard {

    /** What is asked: {@code replaces} when it changes or removes what an environment holds. */
    public record Write(String action, Target target, String environment, List<ServerFingerprint> sources,
            boolean replaces, String confirm, String requestedBy) {
    }

    private final ValidatorConfig config;
    private final WriteAudit audit;

    WriteGuard(ValidatorConfig config, WriteAudit audit) {
        this.config = config;
        this.audit = audit;
    }

    /** The maintenance connection, once the write is allowed and audited; the caller closes it. */
    public Connection allow(Write write) {
        Connection maintenance = write.target().connectFor(config.maintenanceDatabase(), "target");
        try {
            ServerFingerprint server = TargetIdentity.read(maintenance, write.target().host(), write.target().port());
            ServerFingerprint environment = new ServerFingerprint(server.systemIdentifier(), server.host(), server.port(),
                    server.serverAddress(), write.environment(), server.serverVersion());
            TargetSafety.Decision decision = TargetSafety.judge(new TargetRequest(environment, write.environment(),
                    write.sources(), config.allowedTargetHosts().orElse(Set.of()), config.sameServerAllowed(),
                    write.replaces(), write.confirm()));
            audit.record(write.requestedBy(), write.action(), ConnectionUrls.redact(write.target().url()),
                    decision.allowed(), decision.reason());
            if (!decision.allowed()) {
                throw new RefusedException(decision.reason());
            }
            return maintenance;
        } catch (SQLException e) {
            close(maintenance);
            throw new IllegalStateException("the target's server could not be identified: " + e.getMessage().split("\n")[0],
                    e);
        } catch (RuntimeException e) {
            close(maintenance);
            throw e;
        }
    }

    /** Whether {@code database} exists on the target's server (read over its maintenance database). */
    public boolean exists(Target target, String database) {
        try (Connection probe = target.connectFor(config.maintenanceDatabase(), "target")) {
            return new ServerDatabases(probe).exists(database);
        } catch (SQLException e) {
            throw new IllegalStateException("the target's server could not be read: " + e.getMessage().split("\n")[0], e);
        }
    }

    /**
     * Whether {@code database} exists on the target's server and holds objects of its users' own, so that
     * writing the environment there replaces something; an empty one is adopted ({@link DatabaseContents}).
     */
    public boolean holdsObjects(Target target, String database) {
        if (!exists(target, database)) {
            return false;
        }
        try (Connection probe = target.connectFor(database, "target")) {
            return !DatabaseContents.userObjects(probe, 1).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("database " + database + " could not be read: " + e.getMessage().split("\n")[0],
                    e);
        }
    }

    static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: nothing more to say
        }
    }
}
