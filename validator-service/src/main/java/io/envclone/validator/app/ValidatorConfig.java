package io.envclone.validator.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/** How the validator lands and where it may write. */
@ConfigMapping(prefix = "envclone.validator")
public interface ValidatorConfig {

    /** The consumer group of all validator instances. */
    @WithDefault("envclone-validator")
    String groupId();

    @WithDefault("envclone.batches.anonymized")
    String anonymizedTopic();

    /** When set, the only hosts a target may be on. */
    Optional<Set<String>> allowedTargetHosts();

    /**
     * Whether a target may be another database of a production source's cluster: local mode and
     * development only (a shared cluster shares resources and superusers with production).
     */
    @WithDefault("false")
    boolean sameServerAllowed();

    /** The database of a target server the validator connects to for creating, renaming and dropping the others. */
    @WithDefault("postgres")
    String maintenanceDatabase();

    /** How long the environment a refresh replaces is kept for {@code rollback}, when the request does not say. */
    @WithDefault("P7D")
    java.time.Duration retention();

    /** How long a finish waits for the clone's last batches to land. */
    @WithDefault("PT30M")
    java.time.Duration finishTimeout();
}
