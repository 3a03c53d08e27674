package io.envclone.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Readiness probing of a service's dependencies. */
@ConfigMapping(prefix = "envclone.health")
public interface HealthConfig {

    /** How long one dependency may take to answer before it counts as DOWN. Kubernetes probes time out at 1 s by default, so stay near it. */
    @WithDefault("2s")
    Duration timeout();
}
