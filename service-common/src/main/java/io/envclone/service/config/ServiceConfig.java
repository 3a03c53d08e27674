package io.envclone.service.config;

import io.smallrye.config.ConfigMapping;

/** Which envclone service this process is; it names the service in logs and metrics. */
@ConfigMapping(prefix = "envclone.service")
public interface ServiceConfig {

    /** For example {@code cloner-service}. */
    String name();
}
