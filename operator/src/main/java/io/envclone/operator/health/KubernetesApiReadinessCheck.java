package io.envclone.operator.health;

import io.envclone.service.config.HealthConfig;
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
        try {
            // namespaced and cheap: the operator's own namespace, one object at most
            var probe = CompletableFuture.supplyAsync(() -> client.configMaps().list(
                    new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build()));
            probe.get(health.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return response.down().withData("error", cause.getClass().getSimpleName()).build();
        }
    }
}
