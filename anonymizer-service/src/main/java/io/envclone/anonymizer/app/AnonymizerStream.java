package io.envclone.anonymizer.app;

import io.envclone.anonymizer.stream.AnonymizerLoop;
import io.envclone.anonymizer.stream.CloneRegistrations;
import io.envclone.service.config.KafkaConfig;
import io.envclone.service.kafka.LoopThread;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Runs the anonymizer's loop on its own thread for the life of the service. */
@ApplicationScoped
public class AnonymizerStream {

    private static final Logger LOG = Logger.getLogger(AnonymizerStream.class);

    private final CloneRegistrations registrations = new CloneRegistrations();
    private final KafkaConfig kafka;
    private final AnonymizerConfig config;
    private final AnonymizerMetrics metrics;
    private LoopThread<AnonymizerLoop> loop;

    AnonymizerStream(KafkaConfig kafka, AnonymizerConfig config, AnonymizerMetrics metrics) {
        this.kafka = kafka;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        loop = LoopThread.start(new AnonymizerLoop(kafka.bootstrapServers(), config.groupId(),
                "envclone-anonymizer-" + config.instanceId(), new AnonymizerLoop.Topics(config.rawTopic(),
                config.anonymizedTopic(), config.deadLetterTopic(), config.eventsTopic()), registrations, metrics),
                "anonymizer-loop");
        LOG.infof("anonymizer loop started: %s -> %s (instance %s)", config.rawTopic(), config.anonymizedTopic(),
                config.instanceId());
    }

    void stop(@Observes ShutdownEvent stopping) throws Exception {
        if (loop != null) {
            loop.stop();
        }
    }

    public CloneRegistrations registrations() {
        return registrations;
    }
}
