package io.envclone.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The service's own PostgreSQL database for what it must remember to resume (checkpoints,
 * landed batches, reports, audit). Never a source database.
 */
@ConfigMapping(prefix = "envclone.control-database")
public interface ControlDatabaseConfig {

    /** Build-time switch: services without state (the anonymizer) leave it off. */
    @WithDefault("false")
    boolean enabled();

    /**
     * {@code jdbc:postgresql://host:port/database} or {@code postgresql://user:password@host:port/database};
     * credentials in the URL are accepted and never logged.
     */
    Optional<String> url();

    /** Overrides a user name given in the URL. */
    Optional<String> username();

    /** Overrides a password given in the URL; comes from a Secret in a cluster. */
    Optional<String> password();

    @WithDefault("4")
    int poolSize();
}
