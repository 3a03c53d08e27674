package io.envclone.anonymizer.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the anonymizer's stream runs. */
@ConfigMapping(prefix = "envclone.anonymizer")
public interface AnonymizerConfig {

    /**
     * This instance's stable name (its pod's name in a StatefulSet): its Kafka transactional id, so a
     * restarted instance fences what its predecessor left unfinished.
     */
    @WithDefault("${HOSTNAME:anonymizer-0}")
    String instanceId();

    /** The consumer group all instances share: partitions are spread over them. */
    @WithDefault("envclone-anonymizer")
    String groupId();

    @WithDefault("envclone.batches.raw")
    String rawTopic();

    @WithDefault("envclone.batches.anonymized")
    String anonymizedTopic();

    @WithDefault("envclone.batches.dead-letter")
    String deadLetterTopic();

    @WithDefault("envclone.events")
    String eventsTopic();
}
