package io.envclone.operator.health;

import io.envclone.service.config.HealthConfig;
import io.envclone.service.health.HealthProbes;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kubernetes API server answers: without it the operator reconciles nothing. */
@Readiness
@ApplicationScoped
public class KubernetesApiReadinessCheck implements HealthCheck {

    static final String NAME = "kubernetes-api";

    private final KubernetesClient client;
    private final HealthConfig health;

    KubernetesApiReadinessCheck(KubernetesClient client, HealthConfig health) {
        this.client = client;
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("master-url", client.getMasterUrl().toString());
        // namespaced and cheap: one object at most from the operator's own namespace
        return HealthProbes.probe(response, health.timeout(), (builder, timeoutMillis) ->
                CompletableFuture.supplyAsync(() -> client.configMaps().list(
                        new ListOptionsBuilder().withLimit(1L).build()))
                        .get(timeoutMillis, TimeUnit.MILLISECONDS));
    }
}
