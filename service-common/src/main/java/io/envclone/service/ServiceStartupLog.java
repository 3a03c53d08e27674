package io.envclone.service;

import io.envclone.service.config.KafkaConfig;
import io.envclone.service.config.ServiceConfig;
import io.envclone.service.database.ControlDatabase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/** Says at startup which dependencies the service will use, without any credential. */
@ApplicationScoped
public class ServiceStartupLog {

    private static final Logger LOG = Logger.getLogger(ServiceStartupLog.class);

    void onStart(@Observes StartupEvent event, ServiceConfig service, KafkaConfig kafka, Instance<ControlDatabase> database) {
        String control = database.isResolvable() ? database.get().settings().describe() : "none (stateless)";
        LOG.infof("%s starting: Kafka %s, control database %s", service.name(), kafka.bootstrapServers(), control);
    }
}
