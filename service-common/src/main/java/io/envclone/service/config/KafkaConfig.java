package io.envclone.service.config;

import io.smallrye.config.ConfigMapping;

/** How a service reaches the Kafka cluster that carries batches and events. */
@ConfigMapping(prefix = "envclone.kafka")
public interface KafkaConfig {

    /** {@code host:port[,host:port]} of the brokers. */
    String bootstrapServers();
}
