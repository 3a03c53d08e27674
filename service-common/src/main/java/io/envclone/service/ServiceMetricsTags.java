package io.envclone.service;

import io.envclone.service.config.ServiceConfig;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Tags every metric with the service it comes from, so one dashboard can tell them apart. */
public class ServiceMetricsTags {

    @Produces
    @Singleton
    MeterFilter serviceTag(ServiceConfig service) {
        return MeterFilter.commonTags(Tags.of("service", service.name()));
    }
}
